/**
 * The Chinese words of report review (issue 23) that the target page and the reviewer's queue share:
 * the approval states, the four parts of a narrative, the versions of a report. Their own small chunk,
 * loaded with those pages (src/app/routes.tsx, loadApprovalMessages), so that no other page's first
 * load carries them.
 */
export const zhApproval = {
  reportReview: {
    colon: '：',
    state: { pending: '待审核', approved: '已审核', returned: '退回' },
    /** Who decided and when: "张三 · 2025年12月29日 10:30". */
    byAt: '{{name}} · {{time}}',
    reason: '退回理由：{{reason}}',
    notRequired: '无需审核',
    pendingHint: '审核通过后计入看板',
    narrative: { progress: '进展情况', problems: '存在问题', nextSteps: '下步措施', coordination: '需协调事项' },
    narrativeTitle: '情况说明',
    narrativeMore: '情况说明（{{count}} 项）',
    history: {
      approval: '审核',
      recordedAt: '提交于 {{time}}',
      replacedCorrected: '已更正',
      replacedRevised: '已修改',
      replacedBy: '已被 {{time}} 提交的新版本替代',
      correctionTag: '更正',
      revisionTag: '修改',
      correctionOf: '更正 {{time}} 提交的版本（原值 {{value}}）',
      revisionOf: '修改被退回的版本（{{time}} 提交，原值 {{value}}）',
    },
    latest: {
      title: '最新情况说明',
      meta: '截至 {{date}} 的填报 · 填报人 {{name}} · 提交于 {{time}}',
      empty: '暂无情况说明：已计入的填报都没有填写进展情况、存在问题、下步措施或需协调事项。',
      pendingNewer: '截至 {{date}} 的填报（{{name}}）待审核，审核通过后在此显示。',
    },
  },
} as const;
