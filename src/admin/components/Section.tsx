/**
 * One settings section as WooCommerce lays them out: heading and explanation on the left, the card on the right.
 */
import { Card, CardBody } from '@wordpress/components';
import type { ReactNode } from 'react';

interface SectionProps {
	id: string;
	title: string;
	description: ReactNode;
	children: ReactNode;
}

export function Section( { id, title, description, children }: SectionProps ) {
	return (
		<section
			className="kc-section"
			aria-labelledby={ `kc-section-${ id }` }
		>
			<div className="kc-section__intro">
				<h2 id={ `kc-section-${ id }` }>{ title }</h2>
				<div className="kc-section__description">{ description }</div>
			</div>
			<Card className="kc-section__card">
				<CardBody>{ children }</CardBody>
			</Card>
		</section>
	);
}
