package sa.rawabit.platform.tools;

/**
 * A tool document attached to an answer: the exact version sent, its name and its public
 * link.
 */
public record AttachedDocument(String toolId, int version, String nameAr, String nameEn, String link) {

	public String name(boolean arabic) {
		return arabic ? nameAr : nameEn;
	}
}
