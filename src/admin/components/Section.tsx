/**
 * One settings section as WooCommerce lays them out: heading and explanation on the left, the card on the right.
 */
import { Card, CardBody } from '@wordpress/components';
import type { ReactNode } from 'react';

interface SectionProps {
	id: string;
	title: string;
	/** The explanation, a paragraph each. */
	description: string | string[];
	children: ReactNode;
}

export function Section( { id, title, description, children }: SectionProps ) {
	const paragraphs = Array.isArray( description )
		? description
		: [ description ];
	return (
		<section
			className="kc-section"
			aria-labelledby={ `kc-section-${ id }` }
		>
			<div className="kc-section__intro">
				<h2 id={ `kc-section-${ id }` }>{ title }</h2>
				<div className="kc-section__description">
					{ paragraphs.map( ( paragraph ) => (
						<p key={ paragraph }>{ paragraph }</p>
					) ) }
				</div>
			</div>
			<Card className="kc-section__card">
				<CardBody>{ children }</CardBody>
			</Card>
		</section>
	);
}
