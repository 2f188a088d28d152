<?php
/**
 * Normalising `korea_checkout_fields` definitions.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Checkout;

use KoreaCheckout\Checkout\FieldDefinition;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KoreaCheckout\Checkout\FieldDefinition
 */
final class FieldDefinitionTest extends TestCase {

	public function test_the_services_own_example_unchanged_is_a_working_text_field(): void {
		$field = FieldDefinition::normalize(
			'custom_field',
			array(
				'type'     => 'text',
				'label'    => 'Custom Field',
				'required' => false,
			)
		);
		$this->assertSame(
			array(
				'key'         => 'custom_field',
				'type'        => 'text',
				'label'       => 'Custom Field',
				'required'    => false,
				'placeholder' => '',
				'options'     => array(),
				'pattern'     => '',
				'max_length'  => FieldDefinition::TEXT_MAX_LENGTH,
				'location'    => 'order',
			),
			$field
		);
	}

	public function test_defaults_to_text_and_lower_cases_the_key_and_type(): void {
		$field = FieldDefinition::normalize(
			'GiftWrap',
			array(
				'type'     => 'CHECKBOX',
				'label'    => 'Gift wrap',
				'required' => 1,
			)
		);
		$this->assertIsArray( $field );
		$this->assertSame( 'giftwrap', $field['key'] );
		$this->assertSame( 'checkbox', $field['type'] );
		$this->assertTrue( $field['required'] );
		$this->assertSame( 'text', FieldDefinition::normalize( 'note', array( 'label' => 'Note' ) )['type'] );
	}

	public function test_select_options_in_both_shapes(): void {
		$classic = FieldDefinition::normalize(
			'time',
			array(
				'type'    => 'select',
				'label'   => 'Time',
				'options' => array(
					'am' => 'Morning',
					'pm' => 'Afternoon',
				),
			)
		);
		$block   = FieldDefinition::normalize(
			'time',
			array(
				'type'    => 'select',
				'label'   => 'Time',
				'options' => array(
					array(
						'value' => 'am',
						'label' => 'Morning',
					),
					array(
						'value' => 'pm',
						'label' => 'Afternoon',
					),
					array(
						'value' => 'am',
						'label' => 'Duplicate',
					),
					array( 'label' => 'No value' ),
				),
			)
		);
		$this->assertSame(
			array(
				'am' => 'Morning',
				'pm' => 'Afternoon',
			),
			$classic['options']
		);
		$this->assertSame( $classic['options'], $block['options'] );
	}

	public function test_textareas_get_a_longer_limit_and_max_length_is_capped(): void {
		$this->assertSame(
			4 * FieldDefinition::TEXT_MAX_LENGTH,
			FieldDefinition::normalize(
				'm',
				array(
					'type'  => 'textarea',
					'label' => 'M',
				)
			)['max_length']
		);
		$this->assertSame(
			13,
			FieldDefinition::normalize(
				'c',
				array(
					'label'      => 'C',
					'max_length' => 13,
				)
			)['max_length']
		);
		$this->assertSame(
			FieldDefinition::TEXT_MAX_LENGTH,
			FieldDefinition::normalize(
				'c',
				array(
					'label'      => 'C',
					'max_length' => 99999,
				)
			)['max_length']
		);
	}

	public function test_contact_location_is_kept_and_anything_else_becomes_order(): void {
		$this->assertSame(
			'contact',
			FieldDefinition::normalize(
				'a',
				array(
					'label'    => 'A',
					'location' => 'contact',
				)
			)['location']
		);
		$this->assertSame(
			'order',
			FieldDefinition::normalize(
				'a',
				array(
					'label'    => 'A',
					'location' => 'address',
				)
			)['location']
		);
	}

	/**
	 * @dataProvider broken_definitions
	 *
	 * @param int|string $key        Key.
	 * @param mixed      $definition Definition.
	 * @param string     $says       Part of the explanation.
	 */
	public function test_explains_what_is_wrong_with_a_definition( $key, $definition, string $says ): void {
		$result = FieldDefinition::normalize( $key, $definition );
		$this->assertIsString( $result );
		$this->assertStringContainsString( $says, $result );
	}

	/**
	 * @return array<string, array{0: int|string, 1: mixed, 2: string}>
	 */
	public function broken_definitions(): array {
		return array(
			'numeric key'           => array( 0, array( 'label' => 'A' ), 'key' ),
			'key with spaces'       => array( 'my field', array( 'label' => 'A' ), 'key' ),
			'key with slash'        => array( 'a/b', array( 'label' => 'A' ), 'key' ),
			'not an array'          => array( 'a', 'text', 'must be an array' ),
			'unknown type'          => array(
				'a',
				array(
					'type'  => 'date',
					'label' => 'A',
				),
				'type "date"',
			),
			'no label'              => array( 'a', array( 'type' => 'text' ), 'label' ),
			'blank label'           => array( 'a', array( 'label' => '  ' ), 'label' ),
			'select without option' => array(
				'a',
				array(
					'type'  => 'select',
					'label' => 'A',
				),
				'options',
			),
			'bad pattern'           => array(
				'a',
				array(
					'label'   => 'A',
					'pattern' => '([0-9]',
				),
				'pattern',
			),
			'pattern on checkbox'   => array(
				'a',
				array(
					'type'    => 'checkbox',
					'label'   => 'A',
					'pattern' => '1',
				),
				'pattern',
			),
		);
	}

	public function test_patterns_are_anchored_like_the_html_attribute(): void {
		$regex = FieldDefinition::pattern_regex( '[Pp][0-9]{12}' );
		$this->assertNotNull( $regex );
		$this->assertSame( 1, preg_match( $regex, 'P123456789012' ) );
		$this->assertSame( 0, preg_match( $regex, 'xP123456789012' ) );
		$this->assertSame( 0, preg_match( $regex, 'P1234567890123' ) );
		$this->assertSame( 1, preg_match( (string) FieldDefinition::pattern_regex( 'a/b' ), 'a/b' ) );
		$this->assertSame( 1, preg_match( (string) FieldDefinition::pattern_regex( '[가-힣]+' ), '배송' ) );
	}
}
