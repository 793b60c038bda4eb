package com.companion.auth.mail.internal;

import com.companion.auth.mail.MailProperties;
import com.companion.auth.mail.internal.MailOutboxStore.QueuedMail;
import com.companion.auth.mail.internal.MailRenderer.RenderedMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mail: woken right after a commit that queued some, and looking on its own every
 * poll interval for mail that is due again or that an instance which died left behind. Rows are
 * claimed {@code for update skip locked}, so instances send side by side. Delivery is at least
 * once: a crash between the SMTP server's acceptance and the delete sends that mail again.
 *
 * <p>Failures are decided here, in one place: a mail that cannot be built (a bad address, a
 * template without a parameter) fails at once and is kept with {@code failed_at}; anything the
 * SMTP server or the connection does (refused, timed out, authentication) is retried with a
 * doubling wait ({@code first-retry} up to {@code max-retry}) until {@code max-attempts}.
 */
@Component
public class MailRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailRelay.class);

    private final MailOutboxStore outbox;
    private final MailRenderer renderer;
    private final JavaMailSender smtp;
    private final MailProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private Thread worker;

    MailRelay(
            MailOutboxStore outbox,
            MailRenderer renderer,
            JavaMailSender smtp,
            MailProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.smtp = smtp;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Asks the sender to look for due mail now. Never blocks. */
    public void wakeUp() {
        wakeUps.offer(Boolean.TRUE);
    }

    @Override
    public void start() {
        if (!properties.senderEnabled()) {
            log.info("mail sender disabled on this instance");
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("mail-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                wakeUps.poll(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("mail round failed; mail stays queued: {}", e.toString());
            }
        }
    }

    /** Sends due mail until none is left or a round sent less than a batch. Visible for tests. */
    public int drain() {
        int total = 0;
        int claimed;
        do {
            Integer round = transactions.execute(status -> sendBatch());
            claimed = round == null ? 0 : round;
            total += claimed;
        } while (claimed == properties.batchSize() && running);
        return total;
    }

    private int sendBatch() {
        List<QueuedMail> due = outbox.claimDue(clock.instant(), properties.batchSize());
        for (QueuedMail mail : due) {
            send(mail);
        }
        return due.size();
    }

    private void send(QueuedMail mail) {
        try {
            smtp.send(message(mail));
            outbox.sent(mail.id());
        } catch (MailParseException | MailPreparationException | IllegalArgumentException | IllegalStateException e) {
            log.error("mail {} ({}) cannot be built and is given up: {}", mail.id(), mail.template(), e.toString());
            outbox.failed(mail.id(), clock.instant(), e.toString());
        } catch (MailException e) {
            int attempt = mail.attempts() + 1;
            if (attempt >= properties.maxAttempts()) {
                log.error(
                        "mail {} ({}) given up after {} attempts: {}",
                        mail.id(),
                        mail.template(),
                        attempt,
                        e.toString());
                outbox.failed(mail.id(), clock.instant(), e.toString());
            } else {
                Instant next = clock.instant().plus(backoff(attempt));
                log.warn(
                        "mail {} ({}) attempt {} failed, next at {}: {}",
                        mail.id(),
                        mail.template(),
                        attempt,
                        next,
                        e.toString());
                outbox.retryAt(mail.id(), next, e.toString());
            }
        }
    }

    /** {@code first-retry} after the first failure, doubled after each further one, at most {@code max-retry}. */
    Duration backoff(int failures) {
        Duration wait = properties.firstRetry();
        for (int i = 1; i < failures && wait.compareTo(properties.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : wait;
    }

    private MimeMessage message(QueuedMail mail) {
        RenderedMail rendered = renderer.render(mail.template(), mail.params());
        MimeMessage message = smtp.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(mail.recipient());
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
        } catch (MessagingException e) {
            throw new MailPreparationException("mail " + mail.id() + " could not be built", e);
        }
        return message;
    }
}
