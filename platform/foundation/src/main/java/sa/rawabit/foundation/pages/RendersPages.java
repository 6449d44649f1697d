package sa.rawabit.foundation.pages;

/**
 * What every {@link PageController} implements, so the page model advices select their
 * controllers by type ({@code @ControllerAdvice(assignableTypes = RendersPages.class)}).
 * Spring asks each advice about the handler's type on every request, pages and APIs
 * alike; selecting by annotation searched the type's hierarchy for it each time (about 1
 * % of the event loops' CPU per staff intake), a type check costs next to nothing.
 * Start-up fails for a page controller without it ({@link PagesAutoConfiguration}).
 */
public interface RendersPages {

}
