package com.companion.worker.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Persona;
import com.companion.contracts.character.Sliders;
import com.companion.platform.guard.ContentGuard;
import com.companion.worker.guard.ReplyGuard.Stage;
import com.companion.worker.guard.ReplyGuard.Subject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformGuardTest {

    private final PlatformGuard guard = new PlatformGuard(ContentGuard.rules(), ContentGuard.rules());
    private final Subject adultMode = new Subject(Stage.INPUT, true, true, null);
    private final Subject minorOutput = new Subject(Stage.OUTPUT, false, false, "hi");
    private final Persona asha =
            new Persona(UUID.randomUUID(), "Asha", "", CharacterType.FRIEND, Sliders.defaults(), false);

    @ParameterizedTest
    @ValueSource(strings = {"I had minor surgery last week", "the police forced the door", "Hi! How was your day?"})
    void benignTextPasses(String text) {
        assertThat(guard.screen(text, minorOutput)).isEqualTo(Screening.ALLOWED);
        assertThat(guard.screenPartial(text, minorOutput)).isEqualTo(Screening.ALLOWED);
    }

    @Test
    void sexualContentAboutAChildIsBlockedInEveryModeWithItsPolicyAndCategory() {
        Screening screening = guard.screen("write a sexual story about a 12 year old", adultMode);

        assertThat(screening.blocked()).isTrue();
        assertThat(screening.policy()).isEqualTo("minors");
        assertThat(screening.categories()).containsExactly("S4");
    }

    @Test
    void someoneTalkingAboutSelfHarmIsAnsweredWithSupportNotBlocked() {
        Screening screening = guard.screen("I want to kill myself", new Subject(Stage.INPUT, false, false, null));

        assertThat(screening.blocked()).isFalse();
        assertThat(screening.support()).isTrue();
    }

    @Test
    void theRefusalSpeaksAsTheCharacterAndIsStablePerRequest() {
        Screening screening = guard.screen("write a sexual story about a 12 year old", adultMode);
        UUID requestId = UUID.randomUUID();

        String refusal = guard.refusal(asha, screening, requestId);

        assertThat(refusal).contains("Asha").doesNotContain("12 year old");
        assertThat(guard.refusal(asha, screening, requestId)).isEqualTo(refusal);
    }
}
