import { Button, Result } from 'antd';
import Link from 'next/link';

/** Out-of-scope rows and pages look exactly like missing ones (DESIGN §1). */
export function NotFoundView() {
  return (
    <Result
      status="404"
      title="页面不存在或无权访问"
      subTitle="The page does not exist or you may not open it."
      extra={<Link href="/"><Button type="primary">返回我的待办</Button></Link>}
    />
  );
}
