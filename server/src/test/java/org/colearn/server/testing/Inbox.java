package org.colearn.server.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) inside the test JVM, on a free port, that keeps every mail it is sent. */
public final class Inbox implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+#/verify/)([A-Za-z0-9_-]+)");
    private static final Pattern RESET_LINK = Pattern.compile("(https?://\\S+#/reset/)([A-Za-z0-9_-]+)");

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    public Inbox() {
        smtp.start();
    }

    public int port() {
        return smtp.getSmtp().getPort();
    }

    /** A mail as its reader sees it. */
    public record Mail(String to, String subject, String text) {

        /** The link in the mail that proves the address, or an AssertionError naming the mail. */
        public String link() {
            Matcher matcher = LINK.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no link that confirms an address in: " + this);
            }
            return matcher.group();
        }

        /** The token of the link in the mail that sets a new password, or an AssertionError naming the mail. */
        public String resetToken() {
            Matcher matcher = RESET_LINK.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no link that sets a new password in: " + this);
            }
            return matcher.group(2);
        }

        /** The token of {@link #link()}, which the web app sends to the server when the link is opened. */
        public String token() {
            Matcher matcher = LINK.matcher(link());
            matcher.matches();
            return matcher.group(2);
        }
    }

    /** Waits up to 10 s until {@code count} mails have arrived for {@code address}, and returns them in order. */
    public List<Mail> await(String address, int count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<Mail> mails = mailsTo(address);
        while (mails.size() < count) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("expected " + count + " mails for " + address + ", got " + mails);
            }
            smtp.waitForIncomingEmail(left, smtp.getReceivedMessages().length + 1);
            mails = mailsTo(address);
        }
        return mails;
    }

    /** The last mail for {@code address}, once {@code count} have arrived for it. */
    public Mail last(String address, int count) {
        List<Mail> mails = await(address, count);
        return mails.get(mails.size() - 1);
    }

    /** The mails that have arrived for {@code address} so far, without waiting. */
    public List<Mail> mailsTo(String address) {
        List<Mail> mails = new ArrayList<>();
        try {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
                if (to.equalsIgnoreCase(address)) {
                    mails.add(new Mail(to, message.getSubject(), message.getContent().toString()));
                }
            }
        } catch (MessagingException | IOException e) {
            throw new AssertionError("cannot read a mail", e);
        }
        return mails;
    }

    /** How many mails arrived in all. */
    public int count() {
        return smtp.getReceivedMessages().length;
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
