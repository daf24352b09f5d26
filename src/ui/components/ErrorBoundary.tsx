import { Component, type ReactNode } from 'react';

/** Top-level boundary: a rendering bug shows a message and a reload button, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="fatal" role="alert">
        <h1>Something went wrong</h1>
        <p>{this.state.error.name}: {this.state.error.message}</p>
        <button onClick={() => location.reload()}>Reload the page</button>
      </main>
    );
  }
}
