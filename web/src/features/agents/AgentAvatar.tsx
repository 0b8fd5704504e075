import { RobotOutlined } from '@ant-design/icons';
import { Avatar } from 'antd';
import { useState } from 'react';

/** An agent's picture, or its initial when it has none (or the picture does not load). */
export function AgentAvatar({ name, url, size = 40 }: { name: string; url: string | null; size?: number }) {
  const [broken, setBroken] = useState(false);
  if (url && !broken) {
    return <Avatar size={size} src={url} alt="" onError={() => (setBroken(true), false)} />;
  }
  const initial = name.trim().charAt(0).toUpperCase();
  return (
    <Avatar size={size} icon={initial ? undefined : <RobotOutlined />} aria-hidden>
      {initial || null}
    </Avatar>
  );
}
