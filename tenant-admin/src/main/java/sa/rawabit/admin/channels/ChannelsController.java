package sa.rawabit.admin.channels;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;

/**
 * {@code /api/channels/whatsapp}: the tenant administrator sets, reads (without the
 * token) or removes it.
 */
@RestController
@RequestMapping("/api/channels/whatsapp")
class ChannelsController {

	private final MessagingChannels channels;

	ChannelsController(MessagingChannels channels) {
		this.channels = channels;
	}

	@PutMapping
	Mono<WhatsAppAccount.Shown> set(@AuthenticationPrincipal StaffMember me, @RequestBody WhatsAppAccount account) {
		me.requireTenant();
		return channels.setWhatsApp(account, me.username());
	}

	@GetMapping
	Mono<WhatsAppAccount.Shown> get(@AuthenticationPrincipal StaffMember me) {
		me.requireTenant();
		return channels.whatsApp().switchIfEmpty(Mono.error(() -> ProblemException.notFound("WhatsApp account")));
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> remove(@AuthenticationPrincipal StaffMember me) {
		me.requireTenant();
		return channels.removeWhatsApp();
	}

}
