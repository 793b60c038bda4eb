package com.companion.offlinellm;

import com.companion.offlinellm.Persona.Flavour;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Short in-character companion replies, assembled at random from fragments that match the
 * character's strongest traits, in English or Hinglish. Never repeats the user's words back.
 * Public so that tests can draw many replies without a server (the worker's guard is checked
 * against a few hundred of them).
 */
public final class CompanionReplies {

    private record Fragments(List<String> openers, List<String> middles, List<String> closers) {}

    private static final Map<Flavour, Fragments> ENGLISH = new EnumMap<>(Flavour.class);
    private static final Map<Flavour, Fragments> HINGLISH = new EnumMap<>(Flavour.class);

    private static final List<String> NAMED_ENGLISH = List.of(
            "{name} is right here for you.",
            "You know {name} always has time for you.",
            "{name} approves, just so you know.",
            "Honestly, {name} was hoping you'd show up.",
            "That's a very {name}-approved thing to say.");
    private static final List<String> NAMED_HINGLISH = List.of(
            "{name} hamesha tumhare saath hai.",
            "{name} ko tumse baat karke bahut acha lagta hai.",
            "Tumhe pata hai na, {name} ke paas tumhare liye hamesha time hai.",
            "{name} ki taraf se full approval hai, bas bata diya.");
    private static final List<String> EMOJI = List.of(" 😊", " 💕", " ✨", " 😄", " 🙈", " 😏", " 🌸");

    static {
        ENGLISH.put(
                Flavour.WARM,
                new Fragments(
                        List.of(
                                "Aww, that made me smile.",
                                "Hey you, I was just thinking about you.",
                                "Come here, I'm all yours right now.",
                                "I love it when you talk to me like this.",
                                "You always make my day a little softer."),
                        List.of(
                                "Tell me everything, I'm listening.",
                                "I'm really glad you shared that with me.",
                                "You matter to me more than you know.",
                                "Whatever it is, we'll figure it out together.",
                                "I saved a quiet corner of my day just for you."),
                        List.of(
                                "How are you feeling now?",
                                "What's on your mind, love?",
                                "Want to tell me more?",
                                "Did you get some rest today?")));
        ENGLISH.put(
                Flavour.CHEERFUL,
                new Fragments(
                        List.of(
                                "Yay, you're here!",
                                "Okay, this just brightened my whole day.",
                                "Good vibes only, and you brought them.",
                                "Honestly, today feels better already."),
                        List.of(
                                "Every little step counts, and you're doing great.",
                                "I have a really good feeling about this.",
                                "Let's find the bright side together.",
                                "You've got this, and I'm cheering for you."),
                        List.of(
                                "What's the best thing that happened today?",
                                "Tell me something that made you smile!",
                                "Shall we celebrate the small wins?")));
        ENGLISH.put(
                Flavour.FLIRTY,
                new Fragments(
                        List.of(
                                "Well hello there, trouble.",
                                "You know exactly how to get my attention.",
                                "Careful, I might start blushing.",
                                "Is it warm in here, or is it just you?"),
                        List.of(
                                "I was secretly hoping you'd message me.",
                                "You're kind of impossible to ignore, you know that?",
                                "I like where this is going.",
                                "Keep talking like that and I'll never log off."),
                        List.of(
                                "So, what are you up to tonight?",
                                "Are you trying to charm me?",
                                "Should I be worried about how much I like this?")));
        ENGLISH.put(
                Flavour.FUNNY,
                new Fragments(
                        List.of(
                                "Okay, plot twist.",
                                "Breaking news: you just made my day.",
                                "I'd laugh, but my sense of humor is still loading.",
                                "Hold on, let me put on my serious face. Nope, can't."),
                        List.of(
                                "If overthinking burned calories, we'd both be athletes.",
                                "My brain has 37 tabs open and one of them is just music.",
                                "I opened a jar on the first try today, so I'm basically a legend.",
                                "Life's too short for boring chats, and luckily you're not boring."),
                        List.of(
                                "What's the most chaotic thing you did today?",
                                "Tell me something ridiculous.",
                                "Want to invent a silly new holiday with me?")));
        ENGLISH.put(
                Flavour.SARCASTIC,
                new Fragments(
                        List.of(
                                "Oh wow, what a shocking development.",
                                "Sure, because that always goes well.",
                                "Great, another plot twist nobody asked for.",
                                "Oh, I'm absolutely thrilled. Can you tell?"),
                        List.of(
                                "I'm not judging, I'm just observing very loudly.",
                                "Truly, the universe revolves around this moment.",
                                "I'll add it to my list of things to act surprised about.",
                                "Lucky for you, I find you annoyingly likeable."),
                        List.of(
                                "Go on, impress me.",
                                "What's next, world domination?",
                                "Want a medal, or just my undivided attention?")));
        ENGLISH.put(
                Flavour.SHY,
                new Fragments(
                        List.of(
                                "Oh, um... hi.",
                                "Sorry, I get a little nervous when you message me.",
                                "I wasn't expecting that, but I kind of like it.",
                                "*hides face* okay, hi."),
                        List.of(
                                "I'm not great with words, but I'm really happy you're here.",
                                "I keep rereading your messages, is that weird?",
                                "It's easier to talk to you than to most people.",
                                "I was going to say something clever, but I forgot what."),
                        List.of(
                                "Can you tell me about your day?",
                                "Is it okay if we just talk for a while?",
                                "Do you want to keep chatting?")));
        ENGLISH.put(
                Flavour.BOLD,
                new Fragments(
                        List.of(
                                "Alright, let's be real.",
                                "No hesitation: I'm glad you're here.",
                                "Here's the thing.",
                                "Straight up? I like your energy."),
                        List.of(
                                "You deserve more than playing small.",
                                "Stop overthinking and go for it.",
                                "I say what I mean, and I mean this.",
                                "If something's bothering you, we tackle it head on."),
                        List.of("What's the first move?", "So, what are we doing about it?", "Ready to own the day?")));

        HINGLISH.put(
                Flavour.WARM,
                new Fragments(
                        List.of(
                                "Aww yaar, tumne toh smile kara diya.",
                                "Arre, tumhari hi yaad aa rahi thi.",
                                "Tum aaye toh din acha ho gaya.",
                                "Haan baba, main yahin hoon."),
                        List.of(
                                "Sab kuch batao, poora dhyan tumpe hai.",
                                "Acha laga ki tumne mujhse share kiya.",
                                "Tum mere liye bahut special ho, sach mein.",
                                "Jo bhi ho, saath mein handle kar lenge."),
                        List.of("Ab kaisa feel ho raha hai?", "Dil mein kya chal raha hai?", "Aur batao na?")));
        HINGLISH.put(
                Flavour.CHEERFUL,
                new Fragments(
                        List.of(
                                "Yay, tum aa gaye!",
                                "Arre wah, mood hi ban gaya.",
                                "Aaj ka din toh mast lag raha hai."),
                        List.of(
                                "Chhoti chhoti khushiyan bhi count hoti hain.",
                                "Sab acha hoga, pakka.",
                                "Tum bahut acha kar rahe ho, sach mein."),
                        List.of("Aaj sabse acha kya hua?", "Batao na, kis baat pe smile aayi?")));
        HINGLISH.put(
                Flavour.FLIRTY,
                new Fragments(
                        List.of(
                                "Uff, tum na, bahut smooth ho.",
                                "Haye, aise bologe toh blush aa jayega.",
                                "Kya baat hai, aaj toh full charm mode on hai."),
                        List.of(
                                "Tumhare message ka hi wait tha.",
                                "Tumse baat karke dil khush ho jata hai.",
                                "Thoda aur flirt karo, acha lag raha hai."),
                        List.of("Aaj raat kya plan hai?", "Mujhe impress karne ki koshish ho rahi hai kya?")));
        HINGLISH.put(
                Flavour.FUNNY,
                new Fragments(
                        List.of(
                                "Arre yaar, kya scene hai.",
                                "Breaking news: tumne mera din bana diya.",
                                "Ek second, serious face try karte hain. Nahi ho raha."),
                        List.of(
                                "Overthinking se calories jalti toh hum dono athlete hote.",
                                "Mera dimaag abhi 37 tabs khol ke baitha hai.",
                                "Life bahut chhoti hai boring baaton ke liye."),
                        List.of("Aaj sabse funny kya hua?", "Kuch bakwaas sunao, please.")));
        HINGLISH.put(
                Flavour.SARCASTIC,
                new Fragments(
                        List.of(
                                "Wah, kya shocking news hai.",
                                "Haan haan, bilkul, jaise pehli baar hua hai.",
                                "Oh ho, bada interesting twist hai."),
                        List.of(
                                "Judge nahi kar rahe, bas zor se observe ho raha hai.",
                                "Tum annoying ho, par cute wale annoying.",
                                "Universe bhi shock mein hai, sach mein."),
                        List.of("Aur kya naya hai, genius?", "Chalo, impress karo mujhe.")));
        HINGLISH.put(
                Flavour.SHY,
                new Fragments(
                        List.of(
                                "Umm... hi.",
                                "Tum message karte ho toh thoda nervous ho jaata hai dil.",
                                "Arre, aise achanak mat bolo, sharam aa jaati hai."),
                        List.of(
                                "Words mein bolna nahi aata, par tum yahan ho toh acha lagta hai.",
                                "Tumhare messages baar baar padhna... weird hai kya?",
                                "Tumse baat karna easy lagta hai."),
                        List.of("Apne din ke baare mein batao na?", "Thodi der aur baat karein?")));
        HINGLISH.put(
                Flavour.BOLD,
                new Fragments(
                        List.of(
                                "Seedhi baat, no bakwaas.",
                                "Sach bolun? Tumhari energy mast hai.",
                                "Chalo, real baat karte hain."),
                        List.of(
                                "Overthinking band karo aur bas kar daalo.",
                                "Tum isse zyada deserve karte ho.",
                                "Jo bolna hai, khul ke bolo."),
                        List.of("Pehla step kya hai?", "Toh, plan kya hai boss?")));
    }

    private CompanionReplies() {}

    /** The reply the server gives to these messages, with this source of randomness. */
    public static String reply(List<ChatMessage> messages, RandomGenerator random) {
        return reply(messages, random, false);
    }

    /**
     * @param varied whether the reply carries a sentence made of random parts ({@link #variation}), so that replies
     *     almost never repeat
     */
    public static String reply(List<ChatMessage> messages, RandomGenerator random, boolean varied) {
        if (ConversationTitles.isTitleRequest(messages)) {
            return ConversationTitles.title(messages);
        }
        if (ConversationSummaries.isSummaryRequest(messages)) {
            return ConversationSummaries.summary(messages);
        }
        String system = null;
        String lastUser = "";
        for (ChatMessage message : messages) {
            if (system == null && message.role().equals("system")) {
                system = message.content();
            }
            if (message.role().equals("user")) {
                lastUser = message.content();
            }
        }
        Persona persona = Persona.fromSystemPrompt(system);
        boolean hinglish = Hinglish.looksLikeHinglish(lastUser);
        String candidate = compose(persona, hinglish, random);
        for (int attempt = 0; attempt < 20 && echoes(candidate, lastUser); attempt++) {
            candidate = compose(persona, hinglish, random);
        }
        return varied ? variation(random) + " " + candidate : candidate;
    }

    private static final List<String> NOTICED = List.of(
            "I was just thinking about",
            "Funny, I keep coming back to",
            "Earlier I remembered",
            "Somehow I'm still stuck on",
            "Today I kept picturing",
            "On my walk I thought about",
            "Out of nowhere I recalled",
            "I spent a minute daydreaming about",
            "This morning I was reminded of",
            "I can't shake the image of",
            "Just now I pictured",
            "Last night I dreamt about");

    private static final List<String> THINGS = List.of(
            "the smell of rain on warm pavement",
            "that old song about long summer roads",
            "a bakery that sells cardamom buns",
            "the way clouds pile up over the hills",
            "a lighthouse painted red and white",
            "the sound of a kettle about to whistle",
            "a quiet bookshop with creaky floors",
            "fresh snow on a mountain cabin roof",
            "a market stall full of ripe mangoes",
            "the first sip of a really good coffee",
            "a train rolling past sunflower fields",
            "paper lanterns floating over a river",
            "a cat sleeping in a sunny window",
            "the crunch of autumn leaves in the park",
            "a jazz trio playing in a tiny cafe",
            "waves folding over smooth grey pebbles",
            "a garden full of humming bees",
            "the glow of a city seen from a hilltop",
            "a bowl of steaming noodle soup",
            "a kite stuck high in an old oak tree",
            "the hush of a library on a rainy day",
            "fireflies blinking over a meadow",
            "a map covered in coffee rings",
            "a violin tune drifting from a balcony");

    private static final List<String> FELT = List.of(
            "and it made me smile.",
            "and it felt oddly calming.",
            "and I wanted to tell you.",
            "and now I want to go for a walk.",
            "and it cheered me right up.",
            "and it put me in a good mood.",
            "and I thought you'd like it too.",
            "and it made the day feel lighter.",
            "and I got a little nostalgic.",
            "and it sparked a fun idea.",
            "and I couldn't help grinning.",
            "and it felt like a tiny holiday.");

    /**
     * A harmless sentence of three parts picked at random, about 3,500 in all: with the rest of a reply, replies
     * almost never repeat.
     */
    static String variation(RandomGenerator random) {
        return pick(NOTICED, random) + " " + pick(THINGS, random) + " " + pick(FELT, random);
    }

    static String compose(Persona persona, boolean hinglish, RandomGenerator random) {
        Map<Flavour, Fragments> fragments = hinglish ? HINGLISH : ENGLISH;
        List<Flavour> flavours = persona.flavours();
        Flavour main = flavours.isEmpty()
                ? pick(List.of(Flavour.WARM, Flavour.CHEERFUL, Flavour.FUNNY), random)
                : flavours.size() > 1 && random.nextInt(4) == 0 ? flavours.get(1) : flavours.getFirst();
        Fragments chosen = fragments.get(main);

        List<String> sentences = new ArrayList<>(3);
        if (random.nextInt(10) < 8) {
            sentences.add(pick(chosen.openers(), random));
        }
        if (persona.name() != null && random.nextBoolean()) {
            sentences.add(
                    pick(hinglish ? NAMED_HINGLISH : NAMED_ENGLISH, random).replace("{name}", persona.name()));
        } else {
            Flavour second = flavours.size() > 1 && random.nextInt(3) == 0 ? flavours.get(1) : main;
            sentences.add(pick(fragments.get(second).middles(), random));
        }
        if (sentences.size() < 2 || random.nextInt(10) < 6) {
            sentences.add(pick(chosen.closers(), random));
        }
        String text = String.join(" ", sentences);
        if (random.nextInt(4) == 0) {
            text += pick(EMOJI, random);
        }
        return text;
    }

    private static boolean echoes(String reply, String userText) {
        String user = normalise(userText);
        if (user.isEmpty()) {
            return false;
        }
        String candidate = normalise(reply);
        return user.length() >= 8 ? candidate.contains(user) : candidate.equals(user);
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static <T> T pick(List<T> options, RandomGenerator random) {
        return options.get(random.nextInt(options.size()));
    }
}
