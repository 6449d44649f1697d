package sa.rawabit.platform.satisfaction;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;

/** The instrument records as JSON: the same service as the page. */
@RestController
@RequestMapping("/api/satisfaction/records")
class SatisfactionRecordsController {

	private final SatisfactionJournal journal;

	SatisfactionRecordsController(SatisfactionJournal journal) {
		this.journal = journal;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<SatisfactionRecord> record(@AuthenticationPrincipal StaffMember me, @RequestBody NewRecord record) {
		return journal.record(me, record);
	}

	@GetMapping
	Mono<List<SatisfactionRecord>> recent(@AuthenticationPrincipal StaffMember me) {
		return journal.recent(me).collectList();
	}

}
