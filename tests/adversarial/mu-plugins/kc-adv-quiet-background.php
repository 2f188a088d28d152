<?php
/**
 * Adversarial layer: no background work in the store while the cases run. WP-Cron is not spawned and Action
 * Scheduler's async runner does not start, so that reconciliation (every 300 s) or WooCommerce's own jobs never
 * take a fault a case armed for a webhook or a return, and never settle an order a case expects the webhook to
 * settle. A case that needs one of those jobs runs it itself through wpEval.
 *
 * @package KoreaCheckout\Tests\Adversarial
 */

namespace KoreaCheckout\Tests\Adversarial;

defined( 'ABSPATH' ) || exit;

remove_action( 'init', 'wp_cron' );
add_filter( 'action_scheduler_allow_async_request_runner', '__return_false' );
