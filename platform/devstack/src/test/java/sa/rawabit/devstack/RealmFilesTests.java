package sa.rawabit.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm files, checked without a Keycloak: the demo realm must not drift from
 * production.
 */
class RealmFilesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> ROLES = List.of("relations-officer", "social-researcher", "research-committee",
			"follow-up-committee", "top-management", "contact-officer", "tenant-admin");

	@Test
	void demoRealmWhenComparedWithProductionThenSameClientsRolesAndMappers() throws IOException {
		Map<String, Object> production = read("realm-rawabit.json");
		Map<String, Object> demo = read("demo/realm-rawabit-demo.json");

		assertThat(demo.get("roles")).isEqualTo(production.get("roles"));
		for (Map<String, Object> client : list(production, "clients")) {
			Map<String, Object> demoClient = byKey(list(demo, "clients"), "clientId", client.get("clientId"));
			assertThat(withoutSecret(demoClient)).isEqualTo(withoutSecret(client));
		}
		Map<String, Object> test = byKey(list(demo, "clients"), "clientId", "rawabit-test");
		Map<String, Object> platform = byKey(list(production, "clients"), "clientId", "rawabit-platform");
		assertThat(test.get("protocolMappers")).isEqualTo(platform.get("protocolMappers"));
		assertThat(test.get("defaultClientScopes")).isEqualTo(platform.get("defaultClientScopes"));
	}

	@Test
	void productionRealmWhenReadThenNoTestClientNoDemoDataAndSecretsArePlaceholders() throws IOException {
		Map<String, Object> production = read("realm-rawabit.json");

		assertThat(list(production, "clients")).extracting(c -> c.get("clientId"))
			.containsExactlyInAnyOrder("rawabit-platform", "rawabit-tenant-admin");
		assertThat(production).doesNotContainKeys("organizations", "groups", "clientScopes");
		assertThat(list(production, "users")).extracting(u -> u.get("username"))
			.containsExactly("service-account-rawabit-tenant-admin");
		assertThat(list(production, "clients")).extracting(c -> c.get("secret"))
			.allSatisfy(secret -> assertThat((String) secret).startsWith("${RAWABIT_"));
	}

	@Test
	void demoRealmWhenReadThenEveryAssociationHasEveryRoleGroupAndUser() throws IOException {
		Map<String, Object> demo = read("demo/realm-rawabit-demo.json");
		Set<String> usernames = list(demo, "users").stream()
			.map(u -> (String) u.get("username"))
			.collect(Collectors.toSet());

		for (Map<String, Object> organization : list(demo, "organizations")) {
			String slug = (String) organization.get("alias");
			Map<String, Object> group = byKey(list(demo, "groups"), "name", slug);
			assertThat(list(group, "subGroups")).extracting(g -> g.get("name")).containsExactlyElementsOf(ROLES);
			for (String role : ROLES) {
				Map<String, Object> user = byKey(list(demo, "users"), "username", slug + "." + role);
				assertThat(user.get("groups")).isEqualTo(List.of("/" + slug + "/" + role));
				assertThat(user.get("realmRoles")).isEqualTo(List.of("default-roles-rawabit"));
			}
			assertThat(list(organization, "members")).extracting(m -> m.get("username"))
				.allSatisfy(member -> assertThat(usernames).contains((String) member));
		}
		assertThat(list(demo, "organizations")).hasSize(5);
	}

	private static Map<String, Object> withoutSecret(Map<String, Object> client) {
		return client.entrySet()
			.stream()
			.filter(e -> !e.getKey().equals("secret"))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> read(String file) throws IOException {
		try (InputStream in = Realm.class.getResourceAsStream("realms/" + file)) {
			assertThat(in).as(file).isNotNull();
			return JSON.readValue(in, Map.class);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		return (List<Map<String, Object>>) map.get(key);
	}

	private static Map<String, Object> byKey(List<Map<String, Object>> items, String key, Object value) {
		return items.stream()
			.filter(item -> value.equals(item.get(key)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + key + "=" + value));
	}

}
