package sa.rawabit.foundation.pages;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller that renders pages: the page model advice ({@link PageModelAdvice} and the
 * features' banners) runs for these only. Each one also implements {@link RendersPages},
 * which is what the advices select by. On a JSON API or a live stream it did nothing
 * useful and cost each request a handler method per model attribute, each with its own 2
 * KB argument-resolver cache, which a live stream kept for as long as it was open (15 KB
 * of every stream's 52 KB in a class histogram at 5,000).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

	@AliasFor(annotation = Controller.class)
	String value() default "";

}
