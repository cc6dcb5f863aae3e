import { Card, Col, Row, Space, Spin, Typography } from 'antd';
import { usePreMeeting } from '../../meeting/use-pre-meeting';
import { ChecklistList } from '../../ui/ChecklistList';
import { MaterialReviewList } from '../../ui/MaterialReviewList';
import { MaterialActions } from './MaterialActions';
import { MaterialRulesCard } from './MaterialRulesCard';
import { PreparationForm } from './PreparationForm';

/** 会前准备: the checklist, 方案报送 and 学习研讨, and every target's 对照检查材料 with its warnings. */
export function PreparationTab() {
  const review = usePreMeeting();
  if (!review) return <Spin />;
  return (
    <Row gutter={12}>
      <Col span={15}>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small" title="对照检查材料" extra={<Typography.Text type="secondary">导入 Word 文件或粘贴全文；与本班子、其他单位和本人上年度的材料比对雷同段落</Typography.Text>}>
            <MaterialReviewList reviews={review.reviews} actions={(r) => <MaterialActions review={r} />} />
          </Card>
          <Card size="small" title="方案报送和学习研讨">
            <PreparationForm preparation={review.preparation} />
          </Card>
        </Space>
      </Col>
      <Col span={9}>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small" title="会前准备清单">
            <ChecklistList checklist={review.checklist} />
          </Card>
          <MaterialRulesCard />
        </Space>
      </Col>
    </Row>
  );
}
