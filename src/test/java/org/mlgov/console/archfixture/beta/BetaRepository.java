package org.mlgov.console.archfixture.beta;

/** A repository of one feature that another feature uses directly (test code only). */
public class BetaRepository {

}
