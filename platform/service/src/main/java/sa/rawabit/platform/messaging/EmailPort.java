package sa.rawabit.platform.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * E-mail through a real SMTP server. JavaMail blocks on the socket, so every send runs on
 * {@code Schedulers.boundedElastic()}, never on the event loop that serves requests.
 */
@Component
public class EmailPort {

	private static final Logger log = LoggerFactory.getLogger(EmailPort.class);

	private final JavaMailSender mail;

	private final MessagingProperties properties;

	EmailPort(JavaMailSender mail, MessagingProperties properties) {
		this.mail = mail;
		this.properties = properties;
	}

	/**
	 * Sends on boundedElastic (JavaMailSender is blocking); a failure is reported, not
	 * thrown.
	 */
	public Mono<Delivery> sendOnBoundedElastic(BeneficiaryMessage message) {
		return Mono.fromCallable(() -> {
			var mime = mail.createMimeMessage();
			var helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
			helper.setFrom(properties.mailFrom());
			helper.setTo(message.address());
			helper.setSubject(message.subject());
			helper.setText(message.text());
			// Every attempt carries the same Message-ID (JavaMailSenderImpl keeps one set
			// here): a receiver
			// that has seen it drops the repeat.
			mime.setHeader("Message-ID", message.key().emailMessageId());
			mail.send(mime);
			return Delivery.sent(null);
		})
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(properties.timeout())
			.onErrorResume(error -> error instanceof MailException || error instanceof MessagingException
					|| error instanceof java.util.concurrent.TimeoutException, error -> {
						log.warn("E-mail to a beneficiary failed: {}", error.toString());
						return Mono.just(Delivery.failed(error.getClass().getSimpleName()));
					});
	}

}
