package sa.rawabit.platform.complaints;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.publicaccess.PublicAssociations;
import sa.rawabit.platform.publicaccess.PublicAssociations.Opened;
import sa.rawabit.platform.publicaccess.PublicGate;
import sa.rawabit.platform.publicaccess.PublicLinkKind;

/**
 * What the JSON link and the public pages share: which association a slug opens, and
 * filing through the desk after the honeypot and the fields were checked. The flood guard
 * ({@link PublicGate}, with the complaint link's own buckets) is the caller's first step,
 * before anything is read.
 */
@Component
class PublicLink {

	/** The complaint link's buckets and words in the shared flood guard. */
	static final PublicLinkKind COMPLAINTS = new PublicLinkKind("complaint",
			"Too many complaints from your address; try again later", "عدد كبير من الشكاوى من عنوانك؛ حاول لاحقاً",
			"This association receives too many complaints right now; try again later",
			"تتلقى الجمعية عدداً كبيراً من الشكاوى حالياً؛ حاول لاحقاً");

	private final PublicAssociations associations;

	private final ComplaintDesk desk;

	PublicLink(PublicAssociations associations, ComplaintDesk desk) {
		this.associations = associations;
		this.desk = desk;
	}

	/**
	 * The association when it is active and its policy in force opens a public link;
	 * empty otherwise.
	 */
	Mono<Opened> open(String slug) {
		return associations.open(slug)
			.filter(opened -> opened.loaded().policy().complaints() != null
					&& opened.loaded().policy().complaints().publicLink());
	}

	/**
	 * @throws ProblemException 400 for the honeypot or any missing or oversized field
	 */
	Mono<Complaint> file(LoadedPolicy loaded, PublicComplaintForm form) {
		return Mono.defer(() -> {
			PublicGate.refuseHoneypot(form.website());
			NewComplaint complaint = form.asComplaint();
			complaint.requireComplete();
			return desk.receive(loaded, complaint, "public").contextWrite(TenantContext.of(loaded.tenant()));
		});
	}

}
