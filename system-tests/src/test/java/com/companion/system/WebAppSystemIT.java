package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.companion.system.Api.User;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The web client at {@code /app/} in a real browser (the distribution's headless Chromium, driven by
 * its chromedriver) against the running stack: sign up, create a character, chat with streamed
 * tokens, the ad on the tenth reply, the catalogue. Skipped where no Chromium and chromedriver are
 * on the PATH (.ci/run installs them where apt-get can). The stack the tests start has the send
 * budgets raised (see {@link Stack}), so ten replies in a row are not rate-limited.
 */
@ExtendWith(Stack.class)
class WebAppSystemIT {

    private static final Path SCREENSHOTS = Stack.REPOSITORY.resolve("system-tests/target/screenshots");
    private static final Duration REPLY = Duration.ofSeconds(60);

    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        Optional<Path> chromium = onPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = onPath("chromedriver");
        assumeTrue(
                chromium.isPresent() && driver.isPresent(),
                "WebAppSystemIT needs chromium and chromedriver on the PATH (Debian/Ubuntu: apt-get install chromium"
                        + " chromium-driver); found chromium="
                        + chromium.map(Path::toString).orElse("none")
                        + ", chromedriver=" + driver.map(Path::toString).orElse("none"));
        profile = Files.createTempDirectory("webapp-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.get().toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile);
        // The console is read at the end: a script error or anything the CSP refused fails the test.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        // A phone-sized window: the app must work there.
        browser.manage().window().setSize(new Dimension(430, 932));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }

    @Test
    void aPersonSignsUpCreatesACharacterChatsWithStreamingAndSeesAnAdOnTheTenthReply() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String username = "web_" + suffix;
        String password = "Sky-" + UUID.randomUUID();
        String characterName = "Orla " + suffix;

        // Sign up (an adult: the 18+ toggle is offered).
        browser.get(Stack.GATEWAY + "/app/");
        visible(By.id("login-form"));
        browser.findElement(By.linkText("Create an account")).click();
        WebElement signup = visible(By.id("signup-form"));
        type(signup, "first_name", "Web");
        type(signup, "last_name", "Tester");
        type(signup, "email", username + "@example.com");
        type(signup, "username", username);
        type(signup, "phone_number", "+91 9" + String.format("%09d", Math.abs(suffix.hashCode()) % 1_000_000_000));
        new Select(signup.findElement(By.name("gender"))).selectByValue("other");
        type(signup, "age", "30");
        type(signup, "password", password);
        screenshot("1-sign-up");
        signup.findElement(By.cssSelector("button[type=submit]")).click();

        // Create a character: type, sliders by keyboard, public, avatar.
        visible(By.linkText("Create a character")).click();
        WebElement form = visible(By.id("character-form"));
        type(form, "name", characterName);
        type(form, "description", "A lighthouse keeper who tells stories about the sea and the stars.");
        new Select(form.findElement(By.name("character_type"))).selectByValue("mentor");
        new Select(form.findElement(By.name("visibility"))).selectByValue("public");
        type(form, "tags", "sea, stories");
        form.findElement(By.name("humor")).sendKeys(Keys.END);
        form.findElement(By.name("shyness")).sendKeys(Keys.HOME);
        WebElement affection = form.findElement(By.name("affection"));
        for (int i = 0; i < 5; i++) {
            affection.sendKeys(Keys.ARROW_RIGHT);
        }
        assertThat(form.findElement(By.cssSelector("output[for='slider-humor']"))
                        .getText())
                .isEqualTo("100");
        assertThat(form.findElement(By.id("nsfw")).isDisplayed()).isTrue();
        form.findElement(By.name("avatar")).sendKeys(avatarPng().toString());
        screenshot("2-create-character");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        // The character's page, then a chat with it.
        visible(By.cssSelector("button.start-chat")).click();
        visible(By.id("composer"));
        wait(Duration.ofSeconds(15))
                .until(d -> "open".equals(d.findElement(By.id("connection")).getDomAttribute("data-state")));
        String session = browser.getCurrentUrl().replaceFirst(".*#/chat/", "");
        User user = signedIn(username, password);
        JsonNode character = Api.get(
                        "/characters/"
                                + Api.get("/sessions/" + session, user)
                                        .json()
                                        .path("character_id")
                                        .asString(),
                        user)
                .json();
        assertThat(character.path("sliders").path("humor").asInt()).isEqualTo(100);
        assertThat(character.path("sliders").path("shyness").asInt()).isZero();
        assertThat(character.path("sliders").path("affection").asInt()).isEqualTo(55);
        assertThat(character.path("character_type").asString()).isEqualTo("mentor");

        // The first reply streams slowly enough to be seen half-written.
        String partial;
        String reply;
        llm("{\"time_to_first_token_ms\":200,\"time_per_token_ms\":150}");
        try {
            send("Tell me about the sea tonight");
            partial = wait(REPLY).until(d -> {
                List<WebElement> streaming = d.findElements(By.cssSelector("li.msg.assistant[data-state='streaming']"));
                String text = streaming.isEmpty()
                        ? ""
                        : streaming.getFirst().findElement(By.className("text")).getText();
                return text.isBlank() ? null : text;
            });
            assertThat(visible(By.id("typing")).getText()).contains(characterName + " is typing");
            screenshot("3-chat-streaming");
            reply = awaitReplies(1).getLast();
        } finally {
            llm("{}");
        }
        assertThat(reply)
                .startsWith(partial.strip())
                .hasSizeGreaterThan(partial.strip().length());
        JsonNode stored = Api.get("/sessions/" + session + "/history?limit=1", user)
                .json()
                .path("items")
                .get(0);
        assertThat(stored.path("role").asString()).isEqualTo("assistant");
        assertThat(stored.path("content").asString().strip()).isEqualTo(reply);

        // Nine more; no ad until the tenth reply, then one, from GET /ads/next.
        for (int i = 2; i <= 10; i++) {
            assertThat(browser.findElements(By.cssSelector("li.ad"))).isEmpty();
            send("Message number " + i);
            awaitReplies(i);
        }
        WebElement ad = visible(By.cssSelector("li.ad"));
        assertThat(ad.getText()).containsIgnoringCase("sponsored");
        assertThat(ad.findElement(By.tagName("h2")).getText()).isNotBlank();
        browser.executeScript("arguments[0].scrollIntoView({block: 'end'})", ad);
        screenshot("4-chat-ad");

        // Regenerate the tenth reply, then swipe back to the first version.
        String tenth = awaitReplies(10).getLast();
        visible(By.cssSelector("button.regenerate")).click();
        wait(REPLY).until(d -> alternative(d).equals("2 / 2"));
        String regenerated = awaitReplies(10).getLast();
        browser.findElement(By.cssSelector("button[aria-label='Previous reply']"))
                .click();
        wait(Duration.ofSeconds(10)).until(d -> alternative(d).equals("1 / 2"));
        assertThat(awaitReplies(10).getLast()).isEqualTo(tenth);
        assertThat(regenerated).isNotBlank();

        // Continue it: the new text streams onto the same message; once the reply is stored, the page shows what
        // was stored (the stream may be read half-way, so wait for the two to agree).
        visible(By.cssSelector("button.continue")).click();
        String continued = wait(REPLY).until(d -> {
            String last = awaitReplies(10).getLast();
            return last.equals(tenth) || !last.equals(lastStored(user, session)) ? null : last;
        });
        assertThat(continued).startsWith(tenth).hasSizeGreaterThan(tenth.length());

        // Edit the last message: it becomes a second version and is answered again.
        visible(By.cssSelector("li.msg.user button.edit")).click();
        WebElement editor = visible(By.cssSelector(".edit-form textarea"));
        editor.clear();
        editor.sendKeys("Message number ten");
        browser.findElement(By.xpath("//button[text()='Save and resend']")).click();
        wait(REPLY)
                .until(d -> d.findElements(By.cssSelector("li.msg.user .swipe span")).stream()
                        .anyMatch(e -> e.getText().equals("2 / 2")));
        String answer = awaitReplies(10).getLast();
        JsonNode edited = Api.get("/sessions/" + session + "/history?limit=2", user)
                .json()
                .path("items");
        assertThat(edited.get(1).path("content").asString()).isEqualTo("Message number ten");
        assertThat(edited.get(0).path("content").asString().strip()).isEqualTo(answer);

        // The page's refresh (what its timer does before the access token expires) rotates the tokens, and the
        // page goes on working with the new ones.
        Object refreshed = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " import('/app/api.js').then(api => { const before = api.accessToken();"
                + " return api.refresh().then(() => done(api.accessToken() !== before && api.signedIn())); })"
                + ".catch(e => done(String(e)));");
        assertThat(refreshed).isEqualTo(true);

        // The catalogue finds the public character.
        // (by the menu: the tokens live in the page's memory, a reload would sign out)
        browser.findElement(By.linkText("Explore")).click();
        WebElement search = visible(By.name("q"));
        search.sendKeys(characterName, Keys.ENTER);
        wait(Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("ul.cards li.character")).stream()
                        .anyMatch(card -> card.getText().contains(characterName)));
        screenshot("5-catalogue");

        // Its page makes a share link that previews it.
        click(By.linkText(characterName));
        visible(By.xpath("//button[text()='Create a share link']")).click();
        String link = visible(By.cssSelector(".share-result a")).getText();
        assertThat(link).startsWith(Stack.GATEWAY + "/app/#/shared/");
        Api.Response preview = Api.get("/characters/shared/" + link.replaceFirst(".*/shared/", ""), null);
        assertThat(preview.json().path("name").asString()).as(preview.raw()).isEqualTo(characterName);
        screenshot("6-character");

        // The owner edits it: the form comes filled in, the change is saved.
        click(By.linkText("Edit"));
        WebElement edit = visible(By.id("character-form"));
        assertThat(edit.findElement(By.name("name")).getDomProperty("value")).isEqualTo(characterName);
        assertThat(edit.findElement(By.name("humor")).getDomProperty("value")).isEqualTo("100");
        edit.findElement(By.name("sarcasm")).sendKeys(Keys.END);
        edit.findElement(By.cssSelector("button[type=submit]")).click();
        visible(By.xpath("//button[text()='Create a share link']"));
        assertThat(Api.get("/characters/" + character.path("id").asString(), user)
                        .json()
                        .path("sliders")
                        .path("sarcasm")
                        .asInt())
                .isEqualTo(100);

        // A card exported from it comes back in through the import form as a new character.
        Path card = SCREENSHOTS.getParent().resolve("webapp-card.json");
        Files.writeString(
                card,
                Api.get("/characters/" + character.path("id").asString() + "/export?format=json", user)
                        .raw());
        browser.findElement(By.linkText("Characters")).click();
        visible(By.name("card")).sendKeys(card.toString());
        browser.findElement(By.xpath("//button[text()='Import']")).click();
        wait(Duration.ofSeconds(15))
                .until(d -> d.findElement(By.tagName("h1")).getText().equals(characterName)
                        && !d.getCurrentUrl().endsWith(character.path("id").asString()));

        // The chat is listed; the persona is saved.
        browser.findElement(By.linkText("Chats")).click();
        visible(By.cssSelector("a[href='#/chat/" + session + "']"));
        screenshot("7-chats");
        browser.findElement(By.linkText("Profile")).click();
        WebElement persona = visible(By.id("persona-form"));
        type(persona, "persona_name", "Captain Sam");
        type(persona, "persona_description", "Sails small boats and likes storms.");
        persona.findElement(By.cssSelector("button[type=submit]")).click();
        wait(Duration.ofSeconds(10)).until(d -> persona.getText().contains("Saved."));
        assertThat(Api.get("/auth/me/persona", user).json().path("name").asString())
                .isEqualTo("Captain Sam");
        screenshot("8-profile");

        browser.executeScript("console.error('console-is-read')"); // proves the log below is the page's
        List<String> console =
                browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                        .map(entry -> entry.getLevel() + " " + entry.getMessage())
                        .toList();
        assertThat(console)
                .as("the browser console")
                .anyMatch(line -> line.contains("console-is-read"))
                .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused to"))
                .noneMatch(line -> line.contains("Uncaught"));

        // The avatar chosen in the form was uploaded for the character.
        UUID characterId = UUID.fromString(character.path("id").asString());
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> !Api.get("/characters/" + characterId, user)
                        .json()
                        .path("avatar_url")
                        .asString("")
                        .isEmpty());
    }

    @Test
    void aMinorIsNotOfferedThe18PlusMode() {
        String username = "teen_" + UUID.randomUUID().toString().substring(0, 8);
        browser.get(Stack.GATEWAY + "/app/#/signup");
        WebElement signup = visible(By.id("signup-form"));
        type(signup, "first_name", "Young");
        type(signup, "last_name", "Reader");
        type(signup, "email", username + "@example.com");
        type(signup, "username", username);
        type(signup, "phone_number", "+91 8" + String.format("%09d", Math.abs(username.hashCode()) % 1_000_000_000));
        new Select(signup.findElement(By.name("gender"))).selectByValue("female");
        type(signup, "age", "16");
        type(signup, "password", "Sky-" + UUID.randomUUID());
        signup.findElement(By.cssSelector("button[type=submit]")).click();
        visible(By.linkText("Create a character")).click();
        WebElement form = visible(By.id("character-form"));
        assertThat(form.findElement(By.name("positivity")).isDisplayed()).isTrue();
        assertThat(form.findElements(By.id("nsfw"))).isEmpty();
    }

    private static String lastStored(User user, String session) {
        return Api.get("/sessions/" + session + "/history?limit=1", user)
                .json()
                .path("items")
                .get(0)
                .path("content")
                .asString()
                .strip();
    }

    private static void send(String message) {
        WebElement input = visible(By.id("message-input"));
        wait(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("send")).isEnabled());
        input.sendKeys(message);
        input.sendKeys(Keys.ENTER);
    }

    /** Waits until {@code count} replies are settled and answers their texts, oldest first. */
    private static List<String> awaitReplies(int count) {
        return wait(REPLY).until(d -> {
            List<WebElement> done = d.findElements(By.cssSelector("li.msg.assistant[data-state='done']"));
            boolean streaming = !d.findElements(By.cssSelector("li.msg.assistant[data-state='streaming']"))
                    .isEmpty();
            if (done.size() < count || streaming) {
                return null;
            }
            return done.stream()
                    .map(e -> e.findElement(By.className("text")).getText())
                    .toList();
        });
    }

    /** The "n / m" of the last reply's alternatives, or "" when it has none. */
    private static String alternative(org.openqa.selenium.WebDriver driver) {
        List<WebElement> swipes = driver.findElements(By.cssSelector("li.msg.assistant .swipe span"));
        return swipes.isEmpty() ? "" : swipes.getLast().getText();
    }

    private static User signedIn(String username, String password) {
        Api.Response login = Api.login(username, password);
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        JsonNode body = login.json();
        return new User(
                UUID.fromString(body.path("user").path("id").asString()),
                username,
                null,
                null,
                password,
                body.path("access_token").asString());
    }

    private static void llm(String behaviour) {
        Api.Response answer = Api.send(HttpRequest.newBuilder(URI.create(Stack.LLM_ADMIN + "/_admin/behaviour"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(behaviour))
                .build());
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    }

    private static WebElement visible(By locator) {
        return wait(Duration.ofSeconds(15))
                .until(d -> d.findElements(locator).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    }

    /** Clicks what the locator finds, finding it again if the page re-rendered it in between (a list refreshed). */
    private static void click(By locator) {
        wait(Duration.ofSeconds(15)).until(d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    private static void type(WebElement form, String name, String text) {
        WebElement input = form.findElement(By.name(name));
        input.clear();
        input.sendKeys(text);
    }

    private static WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(50));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** A small valid PNG (16×16, one colour) for the avatar field. */
    private static Path avatarPng() throws IOException {
        Path file = SCREENSHOTS.getParent().resolve("webapp-avatar.png");
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0x4b2fb0));
        g.fillRect(0, 0, 16, 16);
        g.dispose();
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static Optional<Path> onPath(String... names) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String name : names) {
            for (String directory : path.split(File.pathSeparator)) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
