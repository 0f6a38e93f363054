import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Shown instead of the section when it throws while rendering. */
  fallback: ReactNode;
  children: ReactNode;
}

/** Keeps a rendering bug in one section from blanking the whole page. */
export class SectionBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
