import { Component, type ReactNode, useEffect } from 'react';
import { useTranslation } from '../../i18n/use-translation';

const RELOAD_AFTER_S = 60;

function Crashed({ reload }: { reload: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setTimeout(reload, RELOAD_AFTER_S * 1000);
    return () => clearTimeout(timer);
  }, [reload]);
  return (
    <div className="screen-blank" role="alert">
      <p>{t('screen.crashed', { seconds: RELOAD_AFTER_S })}</p>
    </div>
  );
}

/** Nobody is at a wall to press reload: a rendering error shows a dark notice and reloads by itself. */
export class ScreenErrorBoundary extends Component<{ reload: () => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    return this.state.failed ? <Crashed reload={this.props.reload} /> : this.props.children;
  }
}
