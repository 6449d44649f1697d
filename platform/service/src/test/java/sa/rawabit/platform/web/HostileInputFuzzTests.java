package sa.rawabit.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.publicaccess.PublicGate;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17's fuzzers: {@value #DEFAULT_TRIES} generated inputs (jqwik's generators, a logged seed so a failure
 * replays) at each of the public complaint, inquiry and survey endpoints and at staff intake, through the whole
 * application bound to a WebTestClient (no sockets, so it stays fast). Never a 5xx, and every row stored
 * belongs to an input that was answered 201: nothing half-written.
 */
class HostileInputFuzzTests extends PlatformTest {

	static final int DEFAULT_TRIES = 10_000;

	static final int TRIES = Integer.getInteger("rawabit.fuzz.tries", DEFAULT_TRIES);

	static final long SEED = Long.getLong("rawabit.fuzz.seed", System.nanoTime());

	@Autowired
	WebTestClient web;

	@Autowired
	PoliciesInForce policies;

	@Autowired
	PublicGate gate;

	@Autowired
	JsonMapper json;

	TestTenant association;

	@BeforeEach
	void publish() {
		web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
		association = TestTenants.register("fuzz");
		ComplaintPolicies.publish(policies, association.id(), ComplaintPolicies.samtahWithClocks());
	}

	@AfterEach
	void forget() {
		gate.forgetAll();
	}

	@Test
	void publicComplaintWhenFuzzedThenNeverServerErrorNorHalfWritten() {
		int created = fuzz(body(List.of("name", "contact", "subject", "description", "website")), (input, i) -> i % 2 == 0
				? web.post().uri("/public/{slug}/complaints", association.slug()).contentType(MediaType.APPLICATION_JSON)
					.bodyValue(input.json())
				: web.post().uri("/public/{slug}/complaint", association.slug())
					.contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML).bodyValue(input.form()));
		assertThat(HostileInputTests.count(association.id(), "select count(*) from app.complaint")).isEqualTo(created);
	}

	@Test
	void publicInquiryWhenFuzzedThenNeverServerErrorNorHalfWritten() {
		int created = fuzz(body(List.of("question", "contact", "category", "field", "website")), (input, i) -> i % 2 == 0
				? web.post().uri("/public/{slug}/inquiries", association.slug()).contentType(MediaType.APPLICATION_JSON)
					.bodyValue(input.json())
				: web.post().uri("/public/{slug}/inquiry", association.slug())
					.contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML).bodyValue(input.form()));
		assertThat(HostileInputTests.count(association.id(), "select count(*) from app.inquiry")).isEqualTo(created);
	}

	@Test
	void surveyWhenFuzzedThenNeverServerError() {
		fuzz(body(List.of("rating", "comment", "answers")), (input, i) -> web.post()
			.uri(URI.create("http://localhost/public/" + association.slug() + "/survey/"
					+ URLEncoder.encode(input.token(), StandardCharsets.UTF_8)))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML).bodyValue(input.form()));
		assertThat(HostileInputTests.count(association.id(), "select count(*) from app.survey_invitation")).isZero();
	}

	@Test
	void staffIntakeWhenFuzzedThenNeverServerErrorNorHalfWritten() {
		WebTestClient officer = web.mutateWith(TestTokens.staff(association.slug(), "relations-officer", "contact-officer"));
		String[] endpoints = { "/api/complaints", "/api/beneficiaries", "/api/inquiries", "/api/requests" };
		int[] createdAt = new int[endpoints.length];
		fuzz(body(List.of("channel", "name", "contact", "subject", "description", "nationalId", "fullName", "phone",
				"email", "address", "category", "contactChannel", "consent", "question", "beneficiaryId", "service",
				"checklistReceived")), (input, i) -> officer.post().uri(endpoints[i % endpoints.length])
			.contentType(MediaType.APPLICATION_JSON).bodyValue(input.json()), (i, status) -> {
				if (status == 201) {
					createdAt[i % endpoints.length]++;
				}
			});
		assertThat(HostileInputTests.count(association.id(), "select count(*) from app.complaint")).isEqualTo(createdAt[0]);
		assertThat(HostileInputTests.count(association.id(), "select count(*) from app.beneficiary")).isEqualTo(createdAt[1]);
		assertThat(HostileInputTests.count(association.id(), "select count(*) from app.inquiry")).isEqualTo(createdAt[2]);
		assertThat(HostileInputTests.count(association.id(), "select count(*) from app.request")).isEqualTo(createdAt[3]);
	}

	/** One generated request: a JSON body, the same fields as a form body, and a path token. */
	record Input(String json, String form, String token) {
	}

	interface Send {
		WebTestClient.RequestHeadersSpec<?> to(Input input, int index);
	}

	interface Seen {
		void status(int index, int status);
	}

	private int fuzz(Arbitrary<Input> inputs, Send send) {
		int[] created = { 0 };
		fuzz(inputs, send, (i, status) -> created[0] += status == 201 ? 1 : 0);
		return created[0];
	}

	private void fuzz(Arbitrary<Input> inputs, Send send, Seen seen) {
		RandomGenerator<Input> generator = inputs.generator(1000);
		Random random = new Random(SEED);
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < TRIES; i++) {
			Input input = generator.next(random).value();
			gate.forgetAll(); // the flood guard would otherwise answer 429 before the input is read
			int status = send.to(input, i).exchange().returnResult(byte[].class).getStatus().value();
			seen.status(i, status);
			if (status >= 500 && failures.size() < 10) {
				failures.add(status + " for " + input);
			}
		}
		System.out.println("[rawabit] fuzz: " + TRIES + " inputs, seed " + SEED + ", server errors: " + failures);
		assertThat(failures).as("seed %d", SEED).isEmpty();
	}

	private Arbitrary<Input> body(List<String> fields) {
		Arbitrary<Map<String, Object>> values = Arbitraries.subsetOf(fields).flatMap(chosen -> {
			List<Arbitrary<Object>> each = chosen.stream().map(field -> value()).toList();
			return net.jqwik.api.Combinators.combine(each).as(list -> {
				Map<String, Object> map = new LinkedHashMap<>();
				for (int k = 0; k < list.size(); k++) {
					map.put(List.copyOf(chosen).get(k), list.get(k));
				}
				return map;
			});
		});
		Arbitrary<String> raw = Arbitraries.oneOf(text(), Arbitraries.of("null", "[]", "{", "1", "\"x\"", "{\"a\":"));
		return net.jqwik.api.Combinators.combine(values, raw, Arbitraries.integers().between(0, 9), text())
			.as((map, junk, shape, token) -> new Input(shape == 0 ? junk : json.writeValueAsString(map),
					shape == 1 ? junk : form(map), token));
	}

	private static String form(Map<String, Object> map) {
		StringBuilder form = new StringBuilder();
		map.forEach((key, value) -> form.append(form.isEmpty() ? "" : "&").append(key).append('=')
			.append(value instanceof String text && text.startsWith("%") ? text
					: URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)));
		return form.toString();
	}

	private static Arbitrary<Object> value() {
		return Arbitraries.frequencyOf(Tuple.of(6, text().map(Function.identity())),
				Tuple.of(1, Arbitraries.integers().map(Function.identity())),
				Tuple.of(1, Arbitraries.of(true, false).map(Function.identity())),
				Tuple.of(1, Arbitraries.just(null)),
				Tuple.of(1, text().list().ofMaxSize(3).map(Function.identity())),
				Tuple.of(1, Arbitraries.maps(text(), text()).ofMaxSize(2).map(Function.identity())));
	}

	/** Any characters (NUL, other controls, lone surrogates), Arabic, long, and the known troublemakers. */
	private static Arbitrary<String> text() {
		return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.strings().all().ofMaxLength(30)),
				Tuple.of(3, Arbitraries.strings().withCharRange('\u0621', '\u064a').withChars(' ').ofMinLength(1)
					.ofMaxLength(60)),
				Tuple.of(1, Arbitraries.strings().ascii().ofMinLength(150).ofMaxLength(6000)),
				Tuple.of(2, Arbitraries.of("", " ", "null", "-1", "%ZZ", "%00", "\u0000", "\ud800", "a\udc00", "1000000008",
						"fax", "website", "phone", "email", "orphans", "service-request", "0500000000", "a@b.co",
						"00000000-0000-0000-0000-000000000000", "+999999999-12-31", "<script>", "' or 1=1 --")));
	}
}
