import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryState {
  error: Error | null;
}

/** Catches render errors in a screen so the frame (navigation, header) survives them. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey?: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Console render error', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="banner banner--error" role="alert">
          <div>
            <strong className="banner__title">This screen failed to render.</strong>
            <span>{this.state.error.message}</span>
          </div>
          <button type="button" className="button button--small" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
