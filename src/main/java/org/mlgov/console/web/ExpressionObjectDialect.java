package org.mlgov.console.web;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * A Thymeleaf dialect that offers one expression object ({@code #name}) to templates. Spring Boot adds dialect beans
 * to the template engine. Expression objects rather than beans, because {@code th:utext} (which writes
 * {@code #preformatted}'s text) runs in Thymeleaf's restricted mode, which refuses bean references ({@code @name}).
 */
abstract class ExpressionObjectDialect extends AbstractDialect implements IExpressionObjectDialect {

	private final String objectName;

	/**
	 * @param dialectName the dialect's name, for Thymeleaf's logs
	 * @param objectName the name templates write after {@code #}
	 */
	ExpressionObjectDialect(String dialectName, String objectName) {
		super(dialectName);
		this.objectName = objectName;
	}

	/**
	 * The object of one template execution.
	 * @param context the execution's context
	 * @return what {@code #name} is in that execution
	 */
	abstract Object expressionObject(IExpressionContext context);

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(ExpressionObjectDialect.this.objectName);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return ExpressionObjectDialect.this.objectName.equals(expressionObjectName) ? expressionObject(context)
						: null;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

}
