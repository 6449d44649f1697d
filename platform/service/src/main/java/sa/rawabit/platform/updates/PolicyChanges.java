package sa.rawabit.platform.updates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.policy.Service;
import sa.rawabit.policy.Text;

/**
 * What a new policy version changed that beneficiaries rely on, compared as parsed values
 * (reformatting the YAML is no change): each service whose conditions (checklist) or
 * names changed, and the policy itself.
 */
final class PolicyChanges {

	private PolicyChanges() {
	}

	static List<Change> between(LoadedPolicy before, LoadedPolicy after) {
		List<Change> changes = new ArrayList<>();
		for (Service now : after.policy().services()) {
			Optional<Service> was = before.policy().service(now.id());
			if (was.isPresent() && !was.get().equals(now)) {
				changes.add(service(was.get(), now, after));
			}
		}
		changes.add(new Change(Change.POLICY, Change.POLICY, after.number(), after.version().value(),
				"صدرت النسخة " + after.number() + " من " + after.policy().title().ar() + " وحلّت محل النسخة "
						+ before.number(),
				"Version " + after.number() + " of the " + after.policy().title().enOrAr() + " replaced version "
						+ before.number(),
				null));
		return changes;
	}

	private static Change service(Service was, Service now, LoadedPolicy after) {
		String nameAr = now.names().ar();
		String nameEn = now.names().enOrAr();
		String ar;
		String en;
		if (!was.checklist().equals(now.checklist())) {
			ar = "تغيّرت شروط خدمة «" + nameAr + "»" + requirements(now.checklist(), true);
			en = "The conditions of the service \"" + nameEn + "\" changed" + requirements(now.checklist(), false);
		}
		else {
			ar = "صار اسم خدمة «" + was.names().ar() + "» «" + nameAr + "»";
			en = "The service \"" + was.names().enOrAr() + "\" is now called \"" + nameEn + "\"";
		}
		return new Change(Change.SERVICE, now.id().value(), after.number(), after.version().value(),
				ar + " (النسخة " + after.number() + " من السياسة)", en + " (policy version " + after.number() + ")",
				now.id().value());
	}

	private static String requirements(List<Text> checklist, boolean arabic) {
		if (checklist.isEmpty()) {
			return arabic ? ": لم تعد لها متطلبات محددة" : ": it no longer names requirements";
		}
		StringBuilder text = new StringBuilder(arabic ? "، المتطلبات الآن: " : "; requirements now: ");
		for (int i = 0; i < checklist.size(); i++) {
			text.append(i == 0 ? "" : arabic ? "، " : "; ")
				.append(arabic ? checklist.get(i).ar() : checklist.get(i).enOrAr());
		}
		return text.toString();
	}

}
