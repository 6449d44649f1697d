package sa.rawabit.admin.onboarding;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantContext;

/**
 * A tenant administrator sees which platform operator exported their association's data,
 * and when.
 */
@RestController
class OperatorExportsController {

	private final OperatorExports exports;

	private final Transactions transactions;

	OperatorExportsController(OperatorExports exports, Transactions transactions) {
		this.exports = exports;
		this.transactions = transactions;
	}

	@GetMapping("/api/tenants/exports")
	Flux<OperatorExports.Entry> exports(@AuthenticationPrincipal StaffMember me) {
		return Flux.defer(() -> {
			me.requireTenant();
			return transactions.inTenantMany(exports.all()).contextWrite(TenantContext.of(me.tenant()));
		});
	}

}
