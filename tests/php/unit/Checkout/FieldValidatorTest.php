<?php
/**
 * Sanitising and validating checkout-field values.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Checkout;

use KoreaCheckout\Checkout\FieldDefinition;
use KoreaCheckout\Checkout\FieldValidator;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KoreaCheckout\Checkout\FieldValidator
 */
final class FieldValidatorTest extends TestCase {

	/**
	 * A normalised field.
	 *
	 * @param string               $key Key.
	 * @param array<string, mixed> $raw Definition.
	 * @return array<string, mixed>
	 */
	private function field( string $key, array $raw ): array {
		$field = FieldDefinition::normalize( $key, $raw );
		$this->assertIsArray( $field );
		return $field;
	}

	public function test_customs_code_is_p_and_twelve_digits_and_is_stored_upper_case(): void {
		$field = $this->field(
			'customs_code',
			array(
				'label'      => 'Customs code',
				'required'   => true,
				'pattern'    => '[Pp][0-9]{12}',
				'max_length' => 13,
			)
		);

		$this->assertSame( 'P123456789012', FieldValidator::sanitize( $field, ' p1234-5678-9012 ' ) );
		$this->assertNull( FieldValidator::error( $field, 'P123456789012' ) );
		$this->assertSame( FieldValidator::ERROR_PATTERN, FieldValidator::error( $field, 'P12345678901' ) );
		$this->assertSame( FieldValidator::ERROR_PATTERN, FieldValidator::error( $field, 'A123456789012' ) );
		$this->assertSame( FieldValidator::ERROR_REQUIRED, FieldValidator::error( $field, '' ) );
		$this->assertSame( FieldValidator::ERROR_LENGTH, FieldValidator::error( $field, 'P1234567890123' ) );
	}

	public function test_optional_empty_values_pass(): void {
		$field = $this->field(
			'custom_field',
			array(
				'type'     => 'text',
				'label'    => 'Custom Field',
				'required' => false,
			)
		);
		$this->assertNull( FieldValidator::error( $field, '' ) );
		$this->assertNull( FieldValidator::error( $field, '아무 말' ) );
	}

	public function test_select_values_must_be_offered_options(): void {
		$field = $this->field(
			'memo',
			array(
				'type'    => 'select',
				'label'   => 'Memo',
				'options' => array( 'door' => 'At the door' ),
			)
		);
		$this->assertNull( FieldValidator::error( $field, 'door' ) );
		$this->assertSame( FieldValidator::ERROR_OPTION, FieldValidator::error( $field, 'At the door' ) );
	}

	public function test_checkbox_values_become_one_or_empty(): void {
		$field = $this->field(
			'gift',
			array(
				'type'     => 'checkbox',
				'label'    => 'Gift',
				'required' => true,
			)
		);
		foreach ( array( true, 1, '1', 'on', 'yes', 'true' ) as $ticked ) {
			$this->assertSame( '1', FieldValidator::sanitize( $field, $ticked ) );
		}
		foreach ( array( false, 0, '0', '', null, 'no' ) as $unticked ) {
			$this->assertSame( '', FieldValidator::sanitize( $field, $unticked ) );
		}
		$this->assertSame( FieldValidator::ERROR_REQUIRED, FieldValidator::error( $field, '' ) );
	}

	public function test_text_loses_control_characters_and_textarea_keeps_line_breaks(): void {
		$text = $this->field( 'a', array( 'label' => 'A' ) );
		$area = $this->field(
			'b',
			array(
				'type'  => 'textarea',
				'label' => 'B',
			)
		);
		$this->assertSame( 'line one line two', FieldValidator::sanitize( $text, "line one\nline two" ) );
		$this->assertSame( "줄 하나\n줄 둘", FieldValidator::sanitize( $area, "줄 하나\r\n줄 둘\x07" ) );
		$this->assertSame( '', FieldValidator::sanitize( $text, array( 'x' ) ) );
	}

	public function test_values_are_stored_as_plain_text(): void {
		$text = $this->field( 'a', array( 'label' => 'A' ) );
		$area = $this->field(
			'b',
			array(
				'type'  => 'textarea',
				'label' => 'B',
			)
		);
		$this->assertSame( 'Leave it with the guard', FieldValidator::sanitize( $text, '<b>Leave</b> it with the <a href="https://evil.test">guard</a>' ) );
		$this->assertSame( 'alert(1)', FieldValidator::sanitize( $text, '<script>alert(1)</script>' ) );
		$this->assertSame( "문 앞 <3\n2 < 3 > 1", FieldValidator::sanitize( $area, "문 앞 <3\n2 < 3 > 1<img src=x onerror=alert(1)>" ), 'a lone < or > is text' );
	}

	public function test_length_counts_characters_not_bytes(): void {
		$field = $this->field(
			'a',
			array(
				'label'      => 'A',
				'max_length' => 5,
			)
		);
		$this->assertNull( FieldValidator::error( $field, '가나다라마' ) );
		$this->assertSame( FieldValidator::ERROR_LENGTH, FieldValidator::error( $field, '가나다라마바' ) );
	}
}
