package sa.rawabit.admin.policies;

import org.springframework.http.HttpStatus;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;

/**
 * 409: published and superseded versions are immutable; only a draft can be changed or
 * published.
 */
public final class PolicyVersionStateException extends ProblemException {

	static final ProblemType TYPE = new ProblemType("policy-version-not-draft", HttpStatus.CONFLICT,
			"Only a draft policy version can be changed or published", "لا يمكن تعديل أو اعتماد إلا المسودة");

	PolicyVersionStateException(PolicyVersion version, PolicyVersionStatus wanted) {
		super(TYPE, "Version " + version.number() + " is " + version.status().column() + "; it cannot become "
				+ wanted.column(), "الإصدار " + version.number() + " ليس مسودة", "status");
	}

}
