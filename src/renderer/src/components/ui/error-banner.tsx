interface ErrorBannerProps {
  message: string;
  title?: string;
  onRetry?: () => void;
}

export function ErrorBanner({ message, title, onRetry }: ErrorBannerProps) {
  return (
    <div className="banner banner--error" role="alert">
      <div>
        {title ? <strong className="banner__title">{title}</strong> : null}
        <span>{message}</span>
      </div>
      {onRetry ? (
        <button type="button" className="button button--small" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
