package sa.rawabit.admin.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.admin.AdminTest;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.secrets.SecretBox;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * The tenant administrator sets the association's WhatsApp Business account; the token is
 * sealed and never shown.
 */
class ChannelsHttpTests extends AdminTest {

	static final Map<String, String> ACCOUNT = Map.of("baseUrl", "https://graph.facebook.com/v21.0/", "phoneNumberId",
			"106540352242922", "token", "EAAG-secret-token");

	@Autowired
	WebTestClient web;

	@Autowired
	SecretBox secrets;

	TestTenant association;

	@BeforeEach
	void association() {
		association = TestTenants.register("channels");
	}

	@Test
	void setWhenTenantAdminThenStoredSealedAndNeverShownAgain() throws SQLException {
		admin().put()
			.uri("/api/channels/whatsapp")
			.bodyValue(ACCOUNT)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.baseUrl")
			.isEqualTo("https://graph.facebook.com/v21.0")
			.jsonPath("$.tokenSet")
			.isEqualTo(true)
			.jsonPath("$.token")
			.doesNotExist();
		admin().get()
			.uri("/api/channels/whatsapp")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("106540352242922").doesNotContain("EAAG-secret-token"));

		byte[] sealed = sealedToken();
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("EAAG-secret-token");
		assertThat(secrets.open(association.id(), sealed)).isEqualTo("EAAG-secret-token");
	}

	@Test
	void setWhenAddressOrNumberWrongThenBadRequestNamingEachField() {
		admin().put()
			.uri("/api/channels/whatsapp")
			.bodyValue(Map.of("baseUrl", "ftp://example.org", "phoneNumberId", "+9665x", "token", " "))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:validation-failed")
			.jsonPath("$.errors[*].field")
			.value(List.class, fields -> assertThat(fields).contains("baseUrl", "phoneNumberId", "token"));
		admin().get().uri("/api/channels/whatsapp").exchange().expectStatus().isNotFound();
	}

	@Test
	void getWhenOtherAssociationsAdministratorOrRelationsOfficerThenNotFoundOrForbidden() {
		admin().put().uri("/api/channels/whatsapp").bodyValue(ACCOUNT).exchange().expectStatus().isOk();

		web.mutateWith(TestTokens.staff(TestTenants.register("channels-other").slug(), "tenant-admin"))
			.get()
			.uri("/api/channels/whatsapp")
			.exchange()
			.expectStatus()
			.isNotFound();
		web.mutateWith(TestTokens.staff(association.slug(), "relations-officer"))
			.get()
			.uri("/api/channels/whatsapp")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void rowsWhenReadAsAppRolesThenOnlyTheTenantSetAndNoneWithoutOne() throws SQLException {
		admin().put().uri("/api/channels/whatsapp").bodyValue(ACCOUNT).exchange().expectStatus().isOk();
		TestTenant other = TestTenants.register("channels-isolation");

		for (String role : List.of(DatabaseRoles.TENANT_ADMIN, DatabaseRoles.PLATFORM)) {
			try (Connection connection = TestDatabase.get().connectAs(role)) {
				assertThat(count(connection)).as(role + " without a tenant").isZero();
				connection.setAutoCommit(false);
				setTenant(connection, other.id().value().toString());
				assertThat(count(connection)).as(role + " as another association").isZero();
				setTenant(connection, association.id().value().toString());
				assertThat(count(connection)).as(role + " as the association").isOne();
				connection.rollback();
			}
		}
		try (Connection connection = TestDatabase.get().connectAs(DatabaseRoles.TENANT_ADMIN)) {
			connection.setAutoCommit(false);
			setTenant(connection, other.id().value().toString());
			assertThatThrownBy(() -> connection.createStatement()
				.executeUpdate("""
						insert into control.messaging_channel values ('%s', 'whatsapp', 'https://x.example', '1',
						    '\\x00000000000000000000000000000000000000000000000000000000000000', 'x', now())"""
					.formatted(association.id().value())))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("row-level security");
			connection.rollback();
		}
	}

	private static long count(Connection connection) throws SQLException {
		try (ResultSet rows = connection.createStatement()
			.executeQuery("select count(*) from control.messaging_channel")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static void setTenant(Connection connection, String tenant) throws SQLException {
		try (var statement = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
			statement.setString(1, tenant);
			statement.execute();
		}
	}

	private byte[] sealedToken() throws SQLException {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				var select = superuser
					.prepareStatement("select token_sealed from control.messaging_channel where tenant_id = ?")) {
			select.setObject(1, association.id().value());
			try (ResultSet rows = select.executeQuery()) {
				rows.next();
				return rows.getBytes(1);
			}
		}
	}

	private WebTestClient admin() {
		return web.mutateWith(TestTokens.staff(association.slug(), "tenant-admin"));
	}

}
