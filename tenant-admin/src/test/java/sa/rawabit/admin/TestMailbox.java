package sa.rawabit.admin;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import sa.rawabit.testing.TestKeycloak;

/**
 * One in-process SMTP server (GreenMail) per test JVM, and the test Keycloak's realm
 * pointed at it, so organization invitations are really sent and can be read.
 */
public final class TestMailbox {

	private static final GreenMail SMTP = start();

	private TestMailbox() {
	}

	/** Starts the server and configures the realm, once; later calls do nothing. */
	public static void ready() {
		// The static initializer did the work.
	}

	/** Every message received so far, oldest first. */
	public static MimeMessage[] received() {
		return SMTP.getReceivedMessages();
	}

	private static GreenMail start() {
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "rawabit-test-mailbox-stop"));
		TestKeycloak.get().sendMailThrough("127.0.0.1", smtp.getSmtp().getPort());
		return smtp;
	}

}
