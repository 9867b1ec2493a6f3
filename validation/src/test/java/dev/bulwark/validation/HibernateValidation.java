package dev.bulwark.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The Hibernate Validator the constraint tests share: the default provider with parameter
 * interpolation (no expression language on the test classpath). Built once per test JVM.
 */
final class HibernateValidation {

  static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
      .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()
      .getValidator();

  private HibernateValidation() {}
}
