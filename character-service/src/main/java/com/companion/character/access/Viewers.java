package com.companion.character.access;

import com.companion.character.core.Viewer;
import com.companion.character.users.KnownUser;
import com.companion.character.users.UserDirectory;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns the verified token into a {@link Viewer}. A caller is an adult only if the token says so
 * and the {@code auth.users.v1} read model agrees: a correction to minor takes effect as soon as
 * its event is applied, even while an older token still says adult. A user the read model does
 * not know yet counts as not adult (fail closed): auth-service publishes the registration before
 * the first token can be used, so this delays adult features by at most the consumer lag and never
 * lets a minor through.
 */
@Component
public class Viewers {

    private final UserDirectory users;

    Viewers(UserDirectory users) {
        this.users = users;
    }

    public Viewer of(@Nullable AuthenticatedUser user) {
        if (user == null) {
            return Viewer.ANONYMOUS;
        }
        Optional<KnownUser> known = users.find(user.userId());
        if (known.isPresent() && known.get().deleted()) {
            // A token outlives its account by up to its lifetime; nothing may be created for it.
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED, "account-deleted", "Unauthorized", "This account no longer exists.");
        }
        boolean adult = user.isAdult() && known.map(KnownUser::isAdult).orElse(false);
        return new Viewer(user.userId(), adult);
    }

    /**
     * Before turning adult mode on: the caller must be an adult by token and by read model. Locks
     * the caller's read-model row until the transaction ends, so call it before locking a character.
     *
     * @throws ApiProblem 403 {@code adult-only} otherwise
     */
    public void requireAdult(AuthenticatedUser user) {
        if (!user.isAdult() || !users.isAdultLocked(user.userId())) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN, "adult-only", "Forbidden", "Only adults can turn on adult mode.");
        }
    }
}
