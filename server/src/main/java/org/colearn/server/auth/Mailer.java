package org.colearn.server.auth;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.colearn.server.system.Smtp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends plain-text emails over SMTP, one at a time on a thread of its own, so that a slow or failing mail server
 * never holds up (or shows in the timing of) the request that asked for the mail.
 */
public final class Mailer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final String TIMEOUT_MS = "20000";

    private final Smtp smtp;
    private final Session session;
    private final ExecutorService sender;

    public Mailer(Smtp smtp) {
        this.smtp = smtp;
        this.session = smtp.configured() ? Session.getInstance(properties(smtp)) : null;
        this.sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "colearn-mail");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether mail can be sent at all: without it, nobody can prove an address by email. */
    public boolean configured() {
        return session != null;
    }

    /** Queues a mail; a failure is logged (without the address or the text) and not retried. */
    void send(String to, String subject, String text) {
        if (session == null) {
            return;
        }
        sender.execute(() -> {
            try {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress(smtp.from(), "Colearn"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
                message.setSubject(subject, "UTF-8");
                message.setText(text, "UTF-8");
                if (smtp.user().isBlank()) {
                    Transport.send(message);
                } else {
                    Transport.send(message, smtp.user(), smtp.password());
                }
            } catch (MessagingException | java.io.UnsupportedEncodingException | RuntimeException e) {
                log.warn("could not send an email through {}: {}", smtp, e.getClass().getSimpleName());
            }
        });
    }

    private static Properties properties(Smtp smtp) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        properties.put("mail.smtp.auth", String.valueOf(!smtp.user().isBlank()));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        properties.put("mail.smtp.timeout", TIMEOUT_MS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MS);
        switch (smtp.security()) {
            case STARTTLS -> {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true");
                properties.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                properties.put("mail.smtp.ssl.enable", "true");
                properties.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {}
        }
        return properties;
    }

    @Override
    public void close() {
        sender.shutdown();
    }
}
