package sa.rawabit.policy.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import sa.rawabit.policy.Policy;
import sa.rawabit.policy.reading.PolicyReader;

/** The policy files of the five seed associations, by tenant slug, in seed-file order. */
public final class SeedPolicies {

	private static final String FOLDER = "/sa/rawabit/policy/seeds/";

	private static final Map<String, Seed> ALL = index(new Seed("thimar-alkhair", "000_c0c9e2b0ee736ac9.txt"),
			new Seed("tiryaq-health", "001_5b005e872d1d007f.txt"),
			new Seed("samtah-cooperative", "002_f7e0161ec1120e8d.txt"),
			new Seed("professional-libraries", "003_61774884e6f8a637.txt"),
			new Seed("suqya-makkah", "004_5a2ba0d71c72f287.txt"));

	private SeedPolicies() {
	}

	/**
	 * Slug → seed, e.g.
	 * {@code thimar-alkhair → /sa/rawabit/policy/seeds/thimar-alkhair.yaml}.
	 */
	public static Map<String, Seed> all() {
		return ALL;
	}

	public static Seed get(String slug) {
		var seed = ALL.get(slug);
		if (seed == null) {
			throw new IllegalArgumentException("no seed policy for slug " + slug + "; known: " + ALL.keySet());
		}
		return seed;
	}

	private static Map<String, Seed> index(Seed... seeds) {
		var map = new LinkedHashMap<String, Seed>();
		for (Seed seed : seeds) {
			map.put(seed.slug(), seed);
		}
		return java.util.Collections.unmodifiableMap(map);
	}

	/**
	 * One shipped policy file.
	 *
	 * @param seedFile the Arabic source text in {@code shared/seeds/} the file was
	 * written from
	 */
	public record Seed(String slug, String seedFile) {

		/** Classpath location of the policy file. */
		public String resource() {
			return FOLDER + slug + ".yaml";
		}

		public String yaml() {
			try (InputStream in = Objects.requireNonNull(SeedPolicies.class.getResourceAsStream(resource()),
					resource())) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * The parsed policy; a shipped seed that fails validation is a build bug, hence
		 * the throw.
		 */
		public Policy policy() {
			return PolicyReader.read(yaml()).orElseThrow();
		}
	}

}
