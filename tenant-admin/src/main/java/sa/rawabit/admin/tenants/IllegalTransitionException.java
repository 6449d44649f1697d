package sa.rawabit.admin.tenants;

import org.springframework.http.HttpStatus;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.foundation.tenancy.TenantStatus;

/** Answers 409: the association is not in a state from which this change is allowed. */
public final class IllegalTransitionException extends ProblemException {

	static final ProblemType TYPE = new ProblemType("illegal-transition", HttpStatus.CONFLICT,
			"Not allowed in the association's current status", "غير مسموح في حالة الجمعية الحالية");

	IllegalTransitionException(TenantId id, TenantStatus from, TenantStatus to) {
		super(TYPE, "Association " + id + " is " + from.column() + " and cannot become " + to.column(),
				"لا يمكن نقل الجمعية من الحالة " + from.column() + " إلى " + to.column(), "status");
	}

}
