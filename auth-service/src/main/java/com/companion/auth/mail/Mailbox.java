package com.companion.auth.mail;

import com.companion.auth.mail.internal.MailOutboxStore;
import com.companion.auth.mail.internal.MailRelay;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues mail in the transaction of the change that causes it: the mail goes out only if the
 * change commits, and never inside the request, so a slow or stopped SMTP server costs a request
 * nothing. {@link MailRelay} is woken right after the commit and retries what fails.
 */
@Service
public class Mailbox {

    private final MailOutboxStore outbox;
    private final MailRelay sender;
    private final Clock clock;

    Mailbox(MailOutboxStore outbox, MailRelay sender, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
    }

    /** Must run inside a transaction, like {@code Outbox.publish}. */
    public void queue(String recipient, MailTemplate template, Map<String, String> params) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("mail is queued inside the transaction of the change that causes it");
        }
        outbox.insert(recipient, template.fileName(), params, clock.instant());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.wakeUp();
            }
        });
    }
}
