package sa.rawabit.foundation.routing;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.webflux.actuate.endpoint.web.AbstractWebFluxEndpointHandlerMapping;
import org.springframework.boot.webflux.actuate.endpoint.web.ControllerEndpointHandlerMapping;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Asks the controllers' mapping ({@link RequestMappingHandlerMapping}, order 0) before
 * the actuator's three endpoint mappings (order -100) and the router functions' (order
 * -1, none declared here). The dispatcher asks mappings one after another until one
 * answers, each as a Reactor chain of its own, so every API call and page paid for four
 * mappings that never answer them (about 16 operators of an intake's ~530). They still
 * answer what is theirs: no controller maps {@code /actuator/**}, and a request no
 * controller maps reaches them next. A controller mapped under {@code /actuator} would
 * now win over the endpoint; none may be.
 */
final class ControllersFirst implements BeanPostProcessor {

	/** Right after the controllers, before the static resources (lowest precedence). */
	static final int AFTER_CONTROLLERS = 1;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractHandlerMapping mapping && asksAfterControllers(mapping)
				&& mapping.getOrder() < AFTER_CONTROLLERS) {
			mapping.setOrder(AFTER_CONTROLLERS);
		}
		return bean;
	}

	private static boolean asksAfterControllers(AbstractHandlerMapping mapping) {
		return mapping instanceof AbstractWebFluxEndpointHandlerMapping
				|| mapping instanceof ControllerEndpointHandlerMapping || mapping instanceof RouterFunctionMapping;
	}

}
