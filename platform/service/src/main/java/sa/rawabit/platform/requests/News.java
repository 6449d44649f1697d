package sa.rawabit.platform.requests;

import sa.rawabit.policy.ServiceId;

/**
 * What the beneficiary is told, in Arabic, the language of the policies and of the people
 * they serve.
 */
final class News {

	private News() {
	}

	static String decision(Case c, Outcome outcome) {
		String service = c.policy()
			.policy()
			.service(new ServiceId(c.request().serviceId()))
			.map(s -> s.names().ar())
			.orElse(c.request().serviceId());
		return switch (outcome) {
			case APPROVED -> "تمت الموافقة على طلبكم (" + service + ") من لجنة البحث.";
			case REJECTED ->
				"نعتذر، لم تتم الموافقة على طلبكم (" + service + "). يمكنكم مراجعة الجمعية لمعرفة الأسباب.";
		};
	}

}
