/** A tiny element builder: text is always set as text, never parsed as HTML. */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<
	string,
	string | number | boolean | null | undefined | EventListener
>;

export function h< K extends keyof HTMLElementTagNameMap >(
	tag: K,
	attrs: Attrs = {},
	...children: Array< Child | Child[] >
): HTMLElementTagNameMap[ K ] {
	const element = document.createElement( tag );
	for ( const [ name, value ] of Object.entries( attrs ) ) {
		if ( value === null || value === undefined || value === false ) {
			continue;
		}
		if ( typeof value === 'function' ) {
			element.addEventListener(
				name.replace( /^on/, '' ).toLowerCase(),
				value
			);
		} else if ( value === true ) {
			element.setAttribute( name, '' );
		} else {
			element.setAttribute( name, String( value ) );
		}
	}
	append( element, children );
	return element;
}

export function append(
	parent: Node,
	children: Array< Child | Child[] >
): void {
	for ( const child of children.flat() ) {
		if ( child === null || child === undefined || child === false ) {
			continue;
		}
		parent.appendChild(
			typeof child === 'object'
				? child
				: document.createTextNode( String( child ) )
		);
	}
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * An icon from path data, decorative (hidden from assistive technology).
 * @param paths     SVG path data, one string per path.
 * @param className Class of the svg element.
 */
export function svgIcon( paths: string[], className: string ): SVGSVGElement {
	const svg = document.createElementNS( SVG, 'svg' );
	svg.setAttribute( 'viewBox', '0 0 24 24' );
	svg.setAttribute( 'aria-hidden', 'true' );
	svg.setAttribute( 'focusable', 'false' );
	svg.setAttribute( 'class', className );
	for ( const d of paths ) {
		const path = document.createElementNS( SVG, 'path' );
		path.setAttribute( 'd', d );
		svg.appendChild( path );
	}
	return svg;
}
