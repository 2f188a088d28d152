<?php
/**
 * Seeds a stack's store with Korea Checkout orders and stored webhook events, quickly, for the growth benchmark.
 *
 * Usage: KC_WP_ROOT=<site> php tools/bench/php/seed.php storage=hpos|posts
 *        KC_WP_ROOT=<site> php tools/bench/php/seed.php orders=N events=M [batch=500] [part=K parts=P]
 *        KC_WP_ROOT=<site> php tools/bench/php/seed.php flush
 * tools/bench/seed.ts runs the three steps, the middle one in several processes at once.
 *
 * `storage=` makes HPOS or legacy post storage the authoritative order storage, in a process of its own
 * (WooCommerce picks its data store when it loads); the next step then writes through that data store.
 * Orders are made through WooCommerce's data stores (WC_Order::save() with its items and meta), `batch` to a
 * database transaction, each a Korea Checkout order whose session is recorded through SessionOwner::record() as
 * the plugin records real ones: 60 % paid (processing, paid-session meta, transaction id), 25 % pending, 15 %
 * refunded in full (status refunded and a WC_Order_Refund with the service's refund id), created over the last
 * 90 days. They are history, not payments happening now: no status-change note, e-mail, sales count or stock
 * change. Events are rows of the plugin's events table, state `done`, last seen over the last 30 days, written
 * 2,000 to an INSERT.
 *
 * For speed, seeding writes past the persistent object cache (the `flush` step then empties it and has
 * WooCommerce count its orders afresh), WooCommerce Analytics' per-order import job is not queued, order item
 * meta rows are gathered into one INSERT per batch, and the in-process cache is emptied after every batch.
 * Prints progress on stderr and one JSON line on stdout: what was made and how long it took.
 *
 * @package KoreaCheckout
 */

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals, WordPress.WP.GlobalVariablesOverride -- a command-line script of the bench, never shipped; kc_ is its prefix.

require __DIR__ . '/../../stack/php/cli-env.php';

$kc_args = array();
foreach ( array_slice( $argv, 1 ) as $kc_arg ) {
	$kc_pair                = explode( '=', $kc_arg, 2 );
	$kc_args[ $kc_pair[0] ] = $kc_pair[1] ?? '';
}

$kc_root = kc_stack_wp_root();
kc_stack_fake_request( $kc_root );
if ( isset( $kc_args['orders'] ) || isset( $kc_args['events'] ) ) {
	// Seeding writes past the persistent object cache (a round trip to Redis for every cache call of every order
	// would be most of the time); the `flush` step then empties it, so no stale entry survives.
	$GLOBALS['wp_filter']['enable_loading_object_cache_dropin'][10][] = array(
		'function'      => '__return_false',
		'accepted_args' => 1,
	);
}
require $kc_root . '/wp-load.php';

use Automattic\WooCommerce\Utilities\OrderUtil;
use KoreaCheckout\Orders\OrderMeta;
use KoreaCheckout\Orders\SessionOwner;
use KoreaCheckout\Webhook\EventStore;

/**
 * Progress on stderr.
 *
 * @param string $message What happened.
 */
function kc_seed_say( string $message ): void {
	fwrite( STDERR, '[seed] ' . $message . "\n" );
}

if ( isset( $kc_args['flush'] ) ) {
	// Counts and caches as a store that grew this way would have them.
	if ( class_exists( 'Automattic\WooCommerce\Caches\OrderCountCache' ) ) {
		$kc_counts = new Automattic\WooCommerce\Caches\OrderCountCache();
		$kc_counts->flush( 'shop_order' );
		$kc_counts->flush( 'shop_order_refund' );
	}
	wc_delete_shop_order_transients();
	wp_cache_flush();
	echo wp_json_encode( array( 'flushed' => wp_using_ext_object_cache() ) ) . "\n";
	exit( 0 );
}

if ( isset( $kc_args['storage'] ) ) {
	$kc_want = $kc_args['storage'];
	if ( ! in_array( $kc_want, array( 'hpos', 'posts' ), true ) ) {
		fwrite( STDERR, "seed.php: storage must be hpos or posts\n" );
		exit( 2 );
	}
	$kc_is_hpos = OrderUtil::custom_orders_table_usage_is_enabled();
	if ( ( 'hpos' === $kc_want ) !== $kc_is_hpos ) {
		$kc_sync = wc_get_container()->get( Automattic\WooCommerce\Internal\DataStores\Orders\DataSynchronizer::class );
		if ( 'hpos' === $kc_want && ! $kc_sync->check_orders_table_exists() ) {
			$kc_sync->create_database_tables();
		}
		// Orders already in the other storage stay there, out of the store's sight: seed a fresh store.
		$kc_pending = $kc_sync->has_orders_pending_sync() ? $kc_sync->get_total_pending_count() : 0;
		if ( $kc_pending > 0 ) {
			kc_seed_say( "{$kc_pending} orders stay in the other storage, not synchronised" );
		}
		add_filter( 'wc_allow_changing_orders_storage_while_sync_is_pending', '__return_true' );
		update_option( 'woocommerce_custom_orders_table_enabled', 'hpos' === $kc_want ? 'yes' : 'no' );
		update_option( 'woocommerce_custom_orders_table_data_sync_enabled', 'no' );
		wp_cache_flush();
		kc_seed_say( "order storage switched to {$kc_want}" );
	}
	echo wp_json_encode( array( 'storage' => $kc_want ) ) . "\n";
	exit( 0 );
}

$kc_orders = max( 0, (int) ( $kc_args['orders'] ?? 0 ) );
$kc_events = max( 0, (int) ( $kc_args['events'] ?? 0 ) );
$kc_batch  = max( 1, (int) ( $kc_args['batch'] ?? 500 ) );
// Several processes can seed at once: process `part` of `parts` takes every parts-th place of the store's history.
$kc_parts = max( 1, (int) ( $kc_args['parts'] ?? 1 ) );
$kc_part  = min( $kc_parts - 1, max( 0, (int) ( $kc_args['part'] ?? 0 ) ) );
if ( ! class_exists( SessionOwner::class ) || ! function_exists( 'wc_get_order' ) ) {
	fwrite( STDERR, "seed.php: WooCommerce and Korea Checkout must be active\n" );
	exit( 1 );
}

// No mail, no Analytics import job per order, no term counting per order.
add_filter( 'pre_wp_mail', '__return_true' );
$kc_scheduler = 'Automattic\WooCommerce\Internal\Admin\Schedulers\OrdersScheduler';
foreach ( array( 'woocommerce_update_order', 'woocommerce_create_order', 'woocommerce_refund_created', 'woocommerce_schedule_import' ) as $kc_hook ) {
	remove_action( $kc_hook, array( $kc_scheduler, 'possibly_schedule_import' ) );
}
wp_defer_term_counting( true );

// Order item meta rows, gathered and written with one INSERT per batch: WooCommerce writes each of an item's
// dozen meta rows with a read and an insert of its own, most of the time of a seeded order.
$GLOBALS['kc_seed_item_meta'] = array();
add_filter(
	'update_order_item_metadata',
	static function ( $check, $item_id, $meta_key, $meta_value ) {
		$GLOBALS['kc_seed_item_meta'][] = array( (int) $item_id, (string) $meta_key, maybe_serialize( $meta_value ) );
		return true;
	},
	10,
	4
);

/**
 * Writes the gathered order item meta rows.
 */
function kc_seed_flush_item_meta(): void {
	global $wpdb;
	foreach ( array_chunk( $GLOBALS['kc_seed_item_meta'], 2000 ) as $kc_rows ) {
		$kc_values = array();
		foreach ( $kc_rows as $kc_row ) {
			$kc_values[] = $wpdb->prepare( '(%d, %s, %s)', $kc_row[0], $kc_row[1], $kc_row[2] );
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- each row prepared above.
		$wpdb->query( "INSERT INTO {$wpdb->prefix}woocommerce_order_itemmeta (order_item_id, meta_key, meta_value) VALUES " . implode( ', ', $kc_values ) );
	}
	$GLOBALS['kc_seed_item_meta'] = array();
}

global $wpdb;
$kc_tag     = substr( bin2hex( random_bytes( 4 ) ), 0, 8 );
$kc_started = microtime( true );
$kc_hpos    = OrderUtil::custom_orders_table_usage_is_enabled();

/**
 * The product every seeded order buys (made once; no stock kept, so seeding changes no stock).
 */
function kc_seed_product(): WC_Product {
	$id = wc_get_product_id_by_sku( 'KC-BENCH-SEED' );
	if ( $id > 0 ) {
		return wc_get_product( $id );
	}
	$product = new WC_Product_Simple();
	$product->set_props(
		array(
			'name'          => 'Seeded item',
			'sku'           => 'KC-BENCH-SEED',
			'regular_price' => '15000',
			'status'        => 'publish',
			'manage_stock'  => false,
		)
	);
	$product->save();
	return $product;
}

$kc_product = kc_seed_product();
// Bound to each order in turn: WC_Order keeps the pending status change it would announce on save() to itself.
$kc_no_transition = function () {
	$this->status_transition = false;
};
$kc_made          = array(
	'processing' => 0,
	'pending'    => 0,
	'refunded'   => 0,
);
$kc_day           = DAY_IN_SECONDS;
$kc_now           = time();

for ( $kc_i = 0; $kc_i < $kc_orders; $kc_i++ ) {
	if ( 0 === $kc_i % $kc_batch ) {
		$wpdb->query( 'START TRANSACTION' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- one transaction per batch.
	}
	$kc_place   = $kc_i * $kc_parts + $kc_part;
	$kc_kind    = $kc_place % 20;
	$kc_status  = $kc_kind < 12 ? 'processing' : ( $kc_kind < 17 ? 'pending' : 'refunded' );
	$kc_session = 'cs_seed_' . $kc_tag . '_' . $kc_i;
	$kc_created = $kc_now - (int) ( ( $kc_orders * $kc_parts - $kc_place ) / max( 1, $kc_orders * $kc_parts ) * 90 * $kc_day );
	$kc_qty     = 1 + $kc_i % 3;
	$kc_total   = 15000 * $kc_qty + 3000;

	$kc_order = new WC_Order();
	$kc_order->set_props(
		array(
			'status'               => $kc_status,
			'currency'             => 'KRW',
			'payment_method'       => 'korea_checkout',
			'payment_method_title' => 'Korea Checkout',
			'created_via'          => 'checkout',
			'date_created'         => $kc_created,
			'billing_first_name'   => 'Seed',
			'billing_last_name'    => 'Kim ' . $kc_i,
			'billing_email'        => 'seed' . $kc_i . '@example.com',
			'billing_phone'        => '010-1234-5678',
			'billing_country'      => 'KR',
			'billing_city'         => 'Seoul',
			'billing_postcode'     => '04524',
			'billing_address_1'    => '110 Sejong-daero',
			'shipping_first_name'  => 'Seed',
			'shipping_last_name'   => 'Kim ' . $kc_i,
			'shipping_country'     => 'KR',
			'shipping_city'        => 'Seoul',
			'shipping_postcode'    => '04524',
			'shipping_address_1'   => '110 Sejong-daero',
			'shipping_total'       => 3000,
			'total'                => $kc_total,
		)
	);
	$kc_item = new WC_Order_Item_Product();
	$kc_item->set_props(
		array(
			'product'  => $kc_product,
			'quantity' => $kc_qty,
			'subtotal' => 15000 * $kc_qty,
			'total'    => 15000 * $kc_qty,
		)
	);
	$kc_order->add_item( $kc_item );
	$kc_ship = new WC_Order_Item_Shipping();
	$kc_ship->set_props(
		array(
			'method_title' => 'Flat rate',
			'method_id'    => 'flat_rate',
			'total'        => 3000,
		)
	);
	$kc_order->add_item( $kc_ship );
	$kc_order->update_meta_data( OrderMeta::SESSION_ID, $kc_session );
	$kc_order->update_meta_data( OrderMeta::SESSION_STATUS, 'pending' === $kc_status ? 'pending' : ( 'refunded' === $kc_status ? 'refunded' : 'completed' ) );
	$kc_order->update_meta_data( OrderMeta::CHECKOUT_URL, 'http://127.0.0.1/checkout/' . $kc_session );
	$kc_order->update_meta_data( OrderMeta::METHOD, 'card' );
	$kc_order->update_meta_data( OrderMeta::LOCALE, 'ko' );
	if ( 'pending' !== $kc_status ) {
		$kc_order->set_transaction_id( 'pay_seed_' . $kc_tag . '_' . $kc_i );
		$kc_order->set_date_paid( $kc_created + 60 );
		$kc_order->update_meta_data( OrderMeta::PAID_SESSION, $kc_session );
		$kc_order->update_meta_data( OrderMeta::PAID_METHOD, 'card' );
		$kc_order->update_meta_data( OrderMeta::GATEWAY, 'toss' );
	}
	// Seeded history, not a payment happening now: no status-change note, e-mail, sales count or stock change.
	$kc_no_transition->call( $kc_order );
	$kc_order->save();
	SessionOwner::record( $kc_order->get_id(), $kc_session, (string) $kc_order->get_meta( OrderMeta::SESSION_STATUS ) );
	if ( 'refunded' === $kc_status ) {
		$kc_refund = new WC_Order_Refund();
		$kc_refund->set_props(
			array(
				'parent_id'        => $kc_order->get_id(),
				'amount'           => $kc_total,
				'reason'           => 'Seeded refund',
				'refunded_payment' => true,
				'currency'         => 'KRW',
				'date_created'     => $kc_created + 3600,
			)
		);
		$kc_refund->update_meta_data( OrderMeta::REFUND_ID, 'ref_seed_' . $kc_tag . '_' . $kc_i );
		$kc_refund->save();
	}
	++$kc_made[ $kc_status ];

	if ( $kc_batch - 1 === $kc_i % $kc_batch || $kc_orders - 1 === $kc_i ) {
		kc_seed_flush_item_meta();
		$wpdb->query( 'COMMIT' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- end of the batch.
		// The in-process copy of the object cache would otherwise hold every order seeded.
		wp_cache_flush_runtime();
		if ( ! defined( 'SAVEQUERIES' ) || ! SAVEQUERIES ) {
			$wpdb->queries = array();
		}
		kc_seed_say( sprintf( '%d of %d orders (%.0f s)', $kc_i + 1, $kc_orders, microtime( true ) - $kc_started ) );
	}
}
$kc_orders_seconds = microtime( true ) - $kc_started;

// Events: rows of the plugin's table, as deliveries over the last 30 days left them.
$kc_events_started = microtime( true );
$kc_table          = EventStore::table();
$kc_types          = array( 'payment.completed', 'payment.refunded', 'payment.failed', 'session.expired' );
$kc_rows_per       = 2000;
for ( $kc_done = 0; $kc_done < $kc_events; $kc_done += $kc_rows_per ) {
	$kc_values = array();
	$kc_count  = min( $kc_rows_per, $kc_events - $kc_done );
	for ( $kc_j = 0; $kc_j < $kc_count; $kc_j++ ) {
		$kc_n        = $kc_done + $kc_j;
		$kc_seen     = gmdate( 'Y-m-d H:i:s', $kc_now - (int) ( $kc_n / max( 1, $kc_events ) * 30 * $kc_day ) - 1 );
		$kc_type     = $kc_types[ $kc_n % 4 ];
		$kc_values[] = $wpdb->prepare( '(%s, %s, %s, %s, 1, NULL, %s, %s, %s, %s)', 'evt_seed_' . $kc_tag . '_' . $kc_n, $kc_type, 'cs_seed_' . $kc_tag . '_' . ( $kc_orders > 0 ? $kc_n % $kc_orders : $kc_n ), EventStore::DONE, $kc_seen, $kc_seen, 'processed:' . ( 0 === $kc_n % 4 ? 'pay' : 'ignore' ), '' );
	}
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- each row prepared above.
	$kc_ok = $wpdb->query( "INSERT INTO {$kc_table} (event_key, event_type, session_id, state, attempts, lease_until, first_seen, last_seen, result, last_error) VALUES " . implode( ', ', $kc_values ) );
	if ( false === $kc_ok ) {
		fwrite( STDERR, 'seed.php: events insert failed: ' . $wpdb->last_error . "\n" );
		exit( 1 );
	}
	if ( 0 === ( $kc_done / $kc_rows_per ) % 25 ) {
		kc_seed_say( sprintf( '%d of %d events', $kc_done + $kc_count, $kc_events ) );
	}
}
$kc_events_seconds = microtime( true ) - $kc_events_started;

wp_defer_term_counting( false );

echo wp_json_encode(
	array(
		'tag'           => $kc_tag,
		'storage'       => $kc_hpos ? 'hpos' : 'posts',
		'orders'        => $kc_made,
		'events'        => $kc_events,
		'ordersSeconds' => round( $kc_orders_seconds, 1 ),
		'eventsSeconds' => round( $kc_events_seconds, 1 ),
	)
) . "\n";
