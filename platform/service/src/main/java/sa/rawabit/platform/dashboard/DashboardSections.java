package sa.rawabit.platform.dashboard;

import java.util.List;
import java.util.TreeSet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.complaints.ComplaintBoard;
import sa.rawabit.platform.deadlines.DeadlineBoard;
import sa.rawabit.platform.inquiries.InquiryBoard;
import sa.rawabit.platform.requests.RequestBoard;

/**
 * The dashboard's sections, computed once per change and view rather than once per
 * watcher. What a view shows by role (the request queue, open complaints, the clocks)
 * depends only on the association and the set of roles, so it is computed once per
 * (association, roles, event version) and served to every watcher with those roles; the
 * contact officer's inquiries depend on the person, so that part is keyed by person too.
 * Nothing of it travels in the stream: pages fetch their sections over their own session.
 * {@code rawabit.dashboard.computations} counts the computations by part.
 */
@Service
class DashboardSections {

	static final int LIST_SIZE = 10;

	private final RequestBoard requests;

	private final ComplaintBoard complaints;

	private final DeadlineBoard deadlines;

	private final InquiryBoard inquiries;

	private final LiveVersions versions;

	private final SectionCache<ViewKey, ByRole> byRole;

	private final SectionCache<View, InquiryBoard.Mine> personal;

	private final Counter roleComputations;

	private final Counter personalComputations;

	DashboardSections(RequestBoard requests, ComplaintBoard complaints, DeadlineBoard deadlines, InquiryBoard inquiries,
			LiveVersions versions, DashboardProperties properties, MeterRegistry meters) {
		this.requests = requests;
		this.complaints = complaints;
		this.deadlines = deadlines;
		this.inquiries = inquiries;
		this.versions = versions;
		this.byRole = new SectionCache<>(properties.cacheFor());
		this.personal = new SectionCache<>(properties.cacheFor());
		this.roleComputations = computations(meters, "by-role");
		this.personalComputations = computations(meters, "personal");
	}

	/**
	 * Everything the sections {@code me} sees depend on, as of the last dashboard event
	 * their page heard of ({@code seen}): two members with equal views see the same
	 * sections.
	 */
	View viewOf(StaffMember me, @Nullable Long seen) {
		me.requireTenant();
		TenantId tenant = java.util.Objects.requireNonNull(me.tenant());
		return new View(tenant, List.copyOf(new TreeSet<>(me.roles())), versions.versionFor(tenant, seen),
				InquiryBoard.shownTo(me) ? me.username() : null);
	}

	/**
	 * The sections {@code me} sees, as of the last dashboard event their page heard of
	 * ({@code seen}).
	 */
	Mono<Sections> of(StaffMember me, @Nullable Long seen) {
		View view = viewOf(me, seen);
		Mono<ByRole> shared = byRole.get(new ViewKey(view.tenant(), view.roles(), view.version()),
				() -> computeByRole(me));
		Mono<InquiryBoard.Mine> mine = view.person() == null ? inquiries.mine(me, LIST_SIZE)
				: personal.get(view, () -> computePersonal(me));
		return Mono.zip(shared, mine, (common, own) -> new Sections(common.queue(), common.handlesComplaints(),
				common.complaints(), common.clocks(), own));
	}

	private Mono<ByRole> computeByRole(StaffMember me) {
		return Mono.defer(() -> {
			roleComputations.increment();
			return Mono
				.zip(requests.awaiting(me, LIST_SIZE), complaints.handles(me), complaints.open(me, LIST_SIZE),
						deadlines.of(me, LIST_SIZE))
				.map(all -> new ByRole(all.getT1(), all.getT2(), all.getT3(), all.getT4()));
		});
	}

	private Mono<InquiryBoard.Mine> computePersonal(StaffMember me) {
		return Mono.defer(() -> {
			personalComputations.increment();
			return inquiries.mine(me, LIST_SIZE);
		});
	}

	private static Counter computations(MeterRegistry meters, String part) {
		return Counter.builder("rawabit.dashboard.computations")
			.description("Dashboard sections computed (each served to every watcher of its view and event)")
			.tag("part", part)
			.register(meters);
	}

	/** What one staff member's dashboard shows. */
	record Sections(RequestBoard.Awaiting queue, boolean handlesComplaints, ComplaintBoard.Open complaints,
			DeadlineBoard.Clocks clocks, InquiryBoard.Mine inquiries) {
	}

	private record ByRole(RequestBoard.Awaiting queue, boolean handlesComplaints, ComplaintBoard.Open complaints,
			DeadlineBoard.Clocks clocks) {
	}

	private record ViewKey(TenantId tenant, List<String> roles, long version) {
	}

	/**
	 * One view of the dashboard: association, role set, event version, and the person
	 * where a part is personal (a contact officer's own inquiries; {@code null}
	 * otherwise).
	 */
	record View(TenantId tenant, List<String> roles, long version, @Nullable String person) {
	}

}
