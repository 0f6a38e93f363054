import { Component, type ReactNode } from 'react';
import { ErrorPanel } from '../ui/error-panel';

interface Props {
  /** Changes on navigation, so leaving a broken view clears the error. */
  resetKey: string;
  title: string;
  children: ReactNode;
}

/**
 * A view that failed to load its code (an old tab after a deploy) or crashed while rendering: the
 * header and navigation stay, the view says what happened and offers a reload.
 */
export class RouteErrorBoundary extends Component<Props, { error: unknown; key: string }> {
  override state = { error: null as unknown, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: unknown; key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <section className="route-error">
        <h1 tabIndex={-1} className="page-title">
          {this.props.title}
        </h1>
        <ErrorPanel error={this.state.error} onRetry={() => window.location.reload()} />
      </section>
    );
  }
}
