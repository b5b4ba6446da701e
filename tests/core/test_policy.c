/* test_policy.c — the declared policy table: every parameter has a rule, help and a default
 * inside its bounds, and the defaults are the seed municipality's figures from domain.md. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/policy.h"

static void test_every_parameter_is_declared_completely(void **state) {
  (void)state;
  for (size_t i = 0; i < policy_param_count; i++) {
    const PolicyParam *p = &policy_params[i];
    assert_non_null(p->name);
    assert_true(strncmp(p->rule, "R-", 2) == 0);
    assert_true(strlen(p->help) > 10);
    assert_true(p->def >= p->min && p->def <= p->max);
    for (size_t k = 0; k < i; k++) assert_string_not_equal(policy_params[k].name, p->name);
  }
}

static void test_R020_R032_R033_R040_R041_R050_seed_defaults(void **state) {
  (void)state;
  Policy p;
  policy_defaults(&p);
  assert_int_equal(p.handling_months_pa, 4);       /* 3–4 months (JO 7477-2017) */
  assert_int_equal(p.handling_warn_months_pa, 3);
  assert_int_equal(p.handling_months_other, 2);    /* other insatser 2 months */
  assert_int_equal(p.limit_months_pa, 24);         /* personal assistance 2 years */
  assert_int_equal(p.limit_months_ledsagarservice, 12);
  assert_int_equal(p.limit_months_kontaktperson, 12);
  assert_int_equal(p.limit_months_avlosarservice, 12);
  assert_int_equal(p.limit_months_korttidsvistelse, 12);
  assert_true(p.review_date_required_pa);          /* */
  assert_int_equal(p.contact_days, 14);            /* 2 weeks */
  assert_int_equal(p.plan_days, 21);               /* 3 weeks */
  assert_int_equal(p.follow_up_months, 12);        /* at least yearly */
}

static void test_seed_defaults_for_age_notice_and_payment_parameters(void **state) {
  (void)state;
  Policy p;
  policy_defaults(&p);
  assert_int_equal(p.daily_activity_min_age, 18);  /* primarily 18–69 */
  assert_int_equal(p.daily_activity_max_age, 69);
  assert_int_equal(p.pa_change_notice_days, 14);   /* */
  assert_int_equal(p.pa_assistant_change_notice_months, 1);
  assert_int_equal(p.pa_termination_notice_months, 3);
  assert_int_equal(p.assistance_expense_ore_per_hour, 200); /* 2 kr/timme */
  assert_int_equal(p.habilitation_payment_day, 27); /* the 27th */
  assert_true(p.habilitation_pay_bank_day_before);
}

static void test_policy_set_refuses_out_of_range_naming_the_parameter(void **state) {
  (void)state;
  Policy p;
  policy_defaults(&p);
  Err e;
  err_clear(&e);
  const PolicyParam *pp = policy_param_find("contact_days");
  assert_non_null(pp);
  assert_false(policy_set(&p, pp, 0, &e));
  assert_string_equal(e.field, "contact_days");
  assert_string_equal(e.rule, "R-040");
  assert_int_equal(p.contact_days, 14); /* unchanged */
  assert_true(policy_set(&p, pp, 10, &e));
  assert_int_equal(policy_get(&p, pp), 10);
  assert_null(policy_param_find("no_such_parameter"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_parameter_is_declared_completely),
      cmocka_unit_test(test_R020_R032_R033_R040_R041_R050_seed_defaults),
      cmocka_unit_test(test_seed_defaults_for_age_notice_and_payment_parameters),
      cmocka_unit_test(test_policy_set_refuses_out_of_range_naming_the_parameter),
  };
  return cmocka_run_group_tests_name("core/policy", tests, NULL, NULL);
}
