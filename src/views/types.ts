/** What <trust-center> asks of a lazily loaded view once it is on the page. */
export interface RevealableView extends HTMLElement {
  /** Scrolls to the route's target (the view's heading, or the item it names) and, on user navigation, focuses it. */
  reveal(focus: boolean): Promise<void>;
}
