package sa.rawabit.platform.requests;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;

/**
 * Beneficiary requests over HTTP. Every transition is a POST named for what it does; each
 * answers 403 for a role the policy does not give that stage, 409 for a move the
 * request's state does not allow, and 404 for a request of another association.
 */
@RestController
@RequestMapping("/api/requests")
@Tag(name = "Requests · الطلبات",
		description = "From reception to service delivery, as the association's policy defines it")
class RequestsController {

	private final Intake intake;

	private final RequestProcedure procedure;

	private final Attachments attachments;

	private final RequestQueues queues;

	private final RequestsProperties properties;

	RequestsController(Intake intake, RequestProcedure procedure, Attachments attachments, RequestQueues queues,
			RequestsProperties properties) {
		this.intake = intake;
		this.procedure = procedure;
		this.attachments = attachments;
		this.queues = queues;
		this.properties = properties;
	}

	record Opening(@Nullable UUID beneficiaryId, @Nullable String service, @Nullable String channel,
			@Nullable List<Integer> checklistReceived) {

		NewRequest validated() {
			new FieldChecks().check(beneficiaryId != null, "beneficiaryId", "Required", "حقل مطلوب")
				.required("service", service, 100)
				.required("channel", channel, 100)
				// [null] or [""] (read as null): a problem, not a NullPointerException
				.check(checklistReceived == null || checklistReceived.stream().allMatch(Objects::nonNull),
						"checklistReceived", "Checklist item numbers only", "أرقام عناصر من قائمة المتطلبات فقط")
				.orThrow();
			return new NewRequest(beneficiaryId, service, channel,
					checklistReceived == null ? List.of() : checklistReceived);
		}
	}

	@PostMapping
	@Operation(summary = "Receive a request · استقبال طلب",
			description = "For a service of the catalogue on an enabled channel; incomplete until the service's checklist is received")
	Mono<ResponseEntity<BeneficiaryRequest>> open(@RequestBody Opening opening,
			@AuthenticationPrincipal StaffMember me) {
		return Mono.fromCallable(opening::validated)
			.flatMap(asked -> intake.open(asked, me))
			.map(opened -> ResponseEntity.created(URI.create("/api/requests/" + opened.id().value())).body(opened));
	}

	@GetMapping
	@Operation(summary = "A queue of requests · قائمة الطلبات",
			description = "mine=true: awaiting one of my roles (e.g. my committee); dueWithinWorkingDays=N: a clock due within N working days")
	Mono<Page<BeneficiaryRequest>> queue(@RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) @Nullable String service,
			@RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable Integer dueWithinWorkingDays,
			@RequestParam(required = false) @Nullable UUID beneficiary, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal StaffMember me) {
		return Mono
			.fromRunnable(() -> new FieldChecks().check(page >= 0, "page", "Not negative", "لا يكون سالباً")
				.check(size >= 1 && size <= properties.maxPageSize(), "size",
						"Between 1 and " + properties.maxPageSize(), "بين 1 و" + properties.maxPageSize())
				.check(dueWithinWorkingDays == null || dueWithinWorkingDays >= 0 && dueWithinWorkingDays <= 366,
						"dueWithinWorkingDays", "Between 0 and 366", "بين 0 و366")
				.orThrow())
			// Deferred: the queue must not even be assembled from a value the checks
			// above refuse.
			.then(Mono.defer(() -> queues.page(me, status, mine, service, channel, dueWithinWorkingDays, beneficiary,
					page, size)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One request with its deadlines, records and audit trail · طلب واحد")
	Mono<RequestView> one(@PathVariable UUID id, @AuthenticationPrincipal StaffMember me) {
		return Mono.fromRunnable(me::requireTenant).then(queues.view(new RequestId(id), me));
	}

	record Items(@Nullable List<Integer> items) {
	}

	@PostMapping("/{id}/checklist")
	@Operation(summary = "Receive checklist items · استلام متطلبات",
			description = "The last item completes the request and starts its clocks")
	Mono<BeneficiaryRequest> receiveItems(@PathVariable UUID id, @RequestBody Items items,
			@AuthenticationPrincipal StaffMember me) {
		return procedure.receiveItems(new RequestId(id), items.items() == null ? List.of() : items.items(), me);
	}

	@PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach a document · إرفاق مستند",
			description = "PDF, JPEG or PNG up to the size limit; 413 when larger, 415 for other types")
	Mono<BeneficiaryRequest> attach(@PathVariable UUID id, @RequestPart("file") FilePart file,
			@RequestParam(required = false) @Nullable Integer item, @AuthenticationPrincipal StaffMember me) {
		return attachments.attach(new RequestId(id), file, item, me);
	}

	@GetMapping("/{id}/attachments/{attachment}")
	@Operation(summary = "Download an attachment · تنزيل مرفق")
	Mono<ResponseEntity<byte[]>> attachment(@PathVariable UUID id, @PathVariable UUID attachment,
			@AuthenticationPrincipal StaffMember me) {
		return Mono.fromRunnable(me::requireTenant)
			.then(queues.attachment(new RequestId(id), attachment, me))
			.map(Attachments::download)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("attachment")));
	}

	@PostMapping("/{id}/verify")
	@Operation(summary = "Verify the data · التحقق من البيانات")
	Mono<BeneficiaryRequest> verify(@PathVariable UUID id, @AuthenticationPrincipal StaffMember me) {
		return procedure.verify(new RequestId(id), me);
	}

	record Question(@Nullable String question) {
	}

	@PostMapping("/{id}/referral")
	@Operation(summary = "Refer to the social researcher · الإحالة للباحث الاجتماعي")
	Mono<BeneficiaryRequest> refer(@PathVariable UUID id, @RequestBody Question body,
			@AuthenticationPrincipal StaffMember me) {
		return Mono.fromRunnable(() -> new FieldChecks().required("question", body.question(), 4000).orThrow())
			.then(Mono.defer(() -> procedure.referToResearcher(new RequestId(id), body.question(), me)));
	}

	record Answer(@Nullable String answer) {
	}

	@PostMapping("/{id}/referral/answer")
	@Operation(summary = "Answer a referral · رد الباحث الاجتماعي")
	Mono<BeneficiaryRequest> answer(@PathVariable UUID id, @RequestBody Answer body,
			@AuthenticationPrincipal StaffMember me) {
		return Mono.fromRunnable(() -> new FieldChecks().required("answer", body.answer(), 4000).orThrow())
			.then(Mono.defer(() -> procedure.answerReferral(new RequestId(id), body.answer(), me)));
	}

	record Signing(@Nullable String channel) {
	}

	@PostMapping("/{id}/declaration")
	@Operation(summary = "Record the beneficiary's signed declaration · الإقرار بصحة البيانات",
			description = "The caller is the witnessing officer; the policy's declaration text and its version are stored")
	Mono<BeneficiaryRequest> declare(@PathVariable UUID id, @RequestBody Signing body,
			@AuthenticationPrincipal StaffMember me) {
		return Mono.fromRunnable(() -> new FieldChecks().required("channel", body.channel(), 100).orThrow())
			.then(Mono.defer(() -> procedure.declare(new RequestId(id), body.channel(), me)));
	}

	record Ballot(@Nullable String vote, @Nullable String reason) {
	}

	@PostMapping("/{id}/votes")
	@Operation(summary = "Cast a committee member's vote · تصويت عضو اللجنة",
			description = "vote: approve or reject, with a reason")
	Mono<BeneficiaryRequest> vote(@PathVariable UUID id, @RequestBody Ballot body,
			@AuthenticationPrincipal StaffMember me) {
		return Mono
			.fromRunnable(
					() -> new FieldChecks()
						.check("approve".equals(body.vote()) || "reject".equals(body.vote()), "vote",
								"approve or reject", "موافقة (approve) أو رفض (reject)")
						.required("reason", body.reason(), 4000)
						.orThrow())
			.then(Mono.defer(() -> procedure.vote(new RequestId(id),
					"approve".equals(body.vote()) ? Outcome.APPROVED : Outcome.REJECTED, body.reason(), me)));
	}

	/**
	 * @param attendees who the minutes say attended; needed where the policy seats the
	 * committee
	 */
	record Ruling(@Nullable String reasons, @Nullable String minutes, @Nullable List<String> attendees) {
	}

	@PostMapping("/{id}/decision")
	@Operation(summary = "Record the research committee's decision · قرار لجنة البحث",
			description = "Reasons and minutes are required. Where the policy seats the committee (committees), the "
					+ "attendees make the quorum, only they vote, the chair records, and the policy's rule decides; "
					+ "otherwise the quorum of votes and their majority")
	Mono<BeneficiaryRequest> decide(@PathVariable UUID id, @RequestBody Ruling body,
			@AuthenticationPrincipal StaffMember me) {
		return Mono
			.fromRunnable(() -> new FieldChecks().required("reasons", body.reasons(), 4000)
				.required("minutes", body.minutes(), 20000)
				.orThrow())
			.then(Mono.defer(() -> procedure.decide(new RequestId(id), body.reasons(), body.minutes(),
					body.attendees() == null ? List.of() : body.attendees(), me)));
	}

	@PostMapping("/{id}/registration")
	@Operation(summary = "Complete registration · استكمال التسجيل")
	Mono<BeneficiaryRequest> register(@PathVariable UUID id, @AuthenticationPrincipal StaffMember me) {
		return procedure.register(new RequestId(id), me);
	}

	@PostMapping("/{id}/delivery")
	@Operation(summary = "Record the service delivered · تقديم الخدمة")
	Mono<BeneficiaryRequest> deliver(@PathVariable UUID id, @AuthenticationPrincipal StaffMember me) {
		return procedure.deliver(new RequestId(id), me);
	}

	@PostMapping("/{id}/notification")
	@Operation(summary = "Tell the beneficiary on the agreed channel · موافاة المستفيد")
	Mono<BeneficiaryRequest> notifyBeneficiary(@PathVariable UUID id, @AuthenticationPrincipal StaffMember me) {
		return procedure.notifyBeneficiary(new RequestId(id), me);
	}

}
