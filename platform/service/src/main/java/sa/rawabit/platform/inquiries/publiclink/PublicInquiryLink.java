package sa.rawabit.platform.inquiries.publiclink;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.inquiries.publiclink.PublicInquiryRecords.Tracked;
import sa.rawabit.platform.inquiries.desk.Inquiry;
import sa.rawabit.platform.inquiries.desk.InquiryDesk;
import sa.rawabit.platform.inquiries.desk.NewInquiry;
import sa.rawabit.platform.publicaccess.PublicAssociations.Opened;
import sa.rawabit.platform.publicaccess.PublicAssociations;
import sa.rawabit.platform.publicaccess.PublicGate;
import sa.rawabit.platform.publicaccess.PublicLinkKind;
import sa.rawabit.platform.publicaccess.TrackingCode;
import sa.rawabit.policy.ChannelId;
import sa.rawabit.policy.ContactOfficers;
import sa.rawabit.policy.Policy;

/**
 * What the inquiry JSON link and its pages share: which association takes inquiries
 * online (its policy enables the website channel), asking through the desk after the
 * honeypot and the choices were checked, and tracking by code. The flood guard
 * ({@link PublicGate}, with this link's own buckets) is the caller's first step, before
 * anything is read.
 */
@Component
class PublicInquiryLink {

	static final String WEBSITE = "website";

	/** Who received a public inquiry: nobody on the staff. */
	static final String RECEIVED_BY = "public";

	/**
	 * The agreed channels a person may choose on the public page, phone first, when the
	 * policy enables them.
	 */
	static final List<String> ANSWER_CHANNELS = List.of("phone", "email");

	static final PublicLinkKind INQUIRIES = new PublicLinkKind("inquiry",
			"Too many inquiries from your address; try again later", "عدد كبير من الاستفسارات من عنوانك؛ حاول لاحقاً",
			"This association receives too many inquiries right now; try again later",
			"تتلقى الجمعية عدداً كبيراً من الاستفسارات حالياً؛ حاول لاحقاً");

	private final PublicAssociations associations;

	private final InquiryDesk desk;

	private final PublicInquiryRecords records;

	private final Transactions transactions;

	PublicInquiryLink(PublicAssociations associations, InquiryDesk desk, PublicInquiryRecords records,
			Transactions transactions) {
		this.associations = associations;
		this.desk = desk;
		this.records = records;
		this.transactions = transactions;
	}

	/**
	 * The association when it is served and its policy in force enables the website
	 * channel; empty otherwise.
	 */
	Mono<Opened> open(String slug) {
		return associations.open(slug).filter(opened -> takesInquiriesOnline(opened.loaded().policy()));
	}

	static boolean takesInquiriesOnline(Policy policy) {
		return policy.channel(new ChannelId(WEBSITE)).isPresent();
	}

	/**
	 * Receives the inquiry as the desk receives staff-logged ones, with a new tracking
	 * code stored in the same transaction. @throws
	 * sa.rawabit.foundation.problem.ProblemException 400 for the honeypot or any missing,
	 * oversized or unoffered field
	 */
	Mono<Asked> ask(Opened opened, PublicInquiryForm form) {
		return Mono.defer(() -> {
			PublicGate.refuseHoneypot(form.website());
			NewInquiry inquiry = form.asInquiry();
			Policy policy = opened.loaded().policy();
			String agreed = Objects.requireNonNull(inquiry.contact()).channel();
			new FieldChecks()
				.check(agreed == null || answerChannels(policy).contains(agreed), "contact.channel",
						"Choose phone or e-mail", "اختر الهاتف أو البريد الإلكتروني")
				.check(inquiry.category() == null || categories(policy).contains(inquiry.category()), "category",
						"Not a category this association lists", "ليست فئة تذكرها الجمعية")
				.check(inquiry.field() == null || fields(policy).contains(inquiry.field()), "field",
						"Not a field this association lists", "ليس مجالاً تذكره الجمعية")
				.orThrow();
			TrackingCode code = TrackingCode.random();
			return desk
				.receiveUnattended(opened.loaded(), inquiry, RECEIVED_BY,
						received -> records.track(received.id(), code))
				.map(received -> new Asked(code, received))
				.contextWrite(TenantContext.of(opened.tenant().id()));
		});
	}

	/**
	 * The public inquiry with this code in the opened association; empty for a malformed
	 * or unknown code.
	 */
	Mono<Tracked> track(Opened opened, String code) {
		if (!TrackingCode.looksValid(code)) {
			return Mono.empty();
		}
		return transactions.inTenant(records.find(new TrackingCode(code)))
			.contextWrite(TenantContext.of(opened.tenant().id()));
	}

	static List<String> answerChannels(Policy policy) {
		return ANSWER_CHANNELS.stream().filter(id -> policy.channel(new ChannelId(id)).isPresent()).toList();
	}

	/**
	 * The beneficiary categories the contact-officer map routes by, as the person may
	 * choose them.
	 */
	static Set<String> categories(Policy policy) {
		return keys(policy, ContactOfficers.Assignment::category);
	}

	/** The association's fields the contact-officer map routes by. */
	static Set<String> fields(Policy policy) {
		return keys(policy, ContactOfficers.Assignment::field);
	}

	private static Set<String> keys(Policy policy, Function<ContactOfficers.Assignment, @Nullable String> key) {
		Set<String> keys = new LinkedHashSet<>();
		if (policy.contactOfficers() != null) {
			policy.contactOfficers().assignments().stream().map(key).filter(Objects::nonNull).forEach(keys::add);
		}
		return keys;
	}

	/** A received public inquiry and the code its asker keeps. */
	record Asked(TrackingCode code, Inquiry inquiry) {
	}

}
