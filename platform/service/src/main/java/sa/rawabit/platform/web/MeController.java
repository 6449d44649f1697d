package sa.rawabit.platform.web;

import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.tenancy.TenantDirectory;

/**
 * Who the caller is to the platform: which association this request acts for and in which
 * roles.
 */
@RestController
class MeController {

	private final TenantDirectory directory;

	MeController(TenantDirectory directory) {
		this.directory = directory;
	}

	record Me(String username, @Nullable String association, @Nullable String associationNameAr,
			@Nullable String associationNameEn, Set<String> roles) {
	}

	@GetMapping("/api/me")
	Mono<Me> me(@AuthenticationPrincipal StaffMember member) {
		Set<String> roles = new TreeSet<>(member.roles());
		if (member.tenant() == null) {
			return Mono.just(new Me(member.username(), null, null, null, roles));
		}
		return directory.findById(member.tenant())
			.map(tenant -> new Me(member.username(), tenant.slug(), tenant.nameAr(), tenant.nameEn(), roles));
	}

}
