class ChatClient {
    constructor(sessionId) {
        this.sessionId = sessionId;
        this.baseUrl = '/api/v1/chat';
    }

    async streamChat(message, {
        onStart = () => {},
        onChunk = () => {},
        onEnd = () => {},
        onError = () => {}
    } = {}) {
        const eventSource = new EventSource(
            `${this.baseUrl}/${this.sessionId}/stream`
        );

        let fullText = '';

        eventSource.onmessage = (event) => {
            const response = JSON.parse(event.data);
            
            switch (response.type) {
                case 'start':
                    onStart();
                    break;
                    
                case 'chunk':
                    fullText += response.data.content;
                    onChunk(response.data.content, fullText);
                    break;
                    
                case 'end':
                    onEnd(response.data.full_text);
                    eventSource.close();
                    break;
                    
                case 'error':
                    onError(new Error(response.data.message));
                    eventSource.close();
                    break;
            }
        };

        eventSource.onerror = (error) => {
            onError(error);
            eventSource.close();
        };

        // 发送消息
        const response = await fetch(`${this.baseUrl}/${this.sessionId}/stream`, {
            method: 'POST',
            headers: {
                'Content-Type': 'application/json',
            },
            body: JSON.stringify({ message })
        });

        if (!response.ok) {
            const error = await response.json();
            throw new Error(error.detail);
        }
    }
}

// 使用示例
const chat = new ChatClient('test-session');

chat.streamChat('请给我讲个故事', {
    onStart: () => {
        console.log('开始生成回复...');
    },
    onChunk: (chunk, fullText) => {
        // 更新UI显示
        console.log('收到新chunk:', chunk);
    },
    onEnd: (fullText) => {
        console.log('回复完成:', fullText);
    },
    onError: (error) => {
        console.error('发生错误:', error);
    }
});

